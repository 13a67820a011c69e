using System.Text;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The choices of a sleeve, drawn from a stable hash of its seed (the entry's path): the same entry gets the same
/// sleeve on every machine and every release, which <see cref="Random"/> does not promise.
/// </summary>
public sealed class SleeveRandom
{
    private uint _state;

    public SleeveRandom(string seed)
    {
        // FNV-1a over the UTF-8 bytes, then never zero (xorshift stays at zero).
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(seed))
        {
            hash = (hash ^ b) * 16777619u;
        }

        _state = hash == 0 ? 0x9E3779B9u : hash;

        // Neighbouring seeds ("/labels/a", "/labels/b") start close together: a few rounds spread them apart.
        for (var round = 0; round < 8; round++)
        {
            NextUInt();
        }
    }

    /// <summary>A whole number from 0 to <paramref name="count"/> − 1.</summary>
    public int Next(int count) => (int)((NextUInt() >> 8) % (uint)count);

    /// <summary>A number from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public float Between(float from, float to) => from + (to - from) * (NextUInt() / (float)uint.MaxValue);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private uint NextUInt()
    {
        // xorshift32: small, fast, and its sequence is fixed by its three shifts.
        _state ^= _state << 13;
        _state ^= _state >> 17;
        _state ^= _state << 5;
        return _state;
    }
}
