namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The choices that make sleeves of one kind look different: the motif, and the palette (its mode, the harmony that
/// gives the second colour, and a small drift of the kind's hue that keeps it in the kind's family).
/// </summary>
/// <remarks>
/// A sleeve with a <see cref="SleevePlace"/> takes its style from its place, so that no two entries of one article
/// look alike: the article's 15 motif-and-mode pairs are dealt in an order shuffled by the article, and every 15
/// places the harmony moves on (then, every 75, the drift): distinct for the first 375 entries of an article. A
/// sleeve without a place (a page's own cover) draws its style from its seed. Both are the same on every machine.
/// </remarks>
public readonly record struct SleeveStyle(int Motif, int Mode, int Harmony, int Drift)
{
    public const int Motifs = 5;
    public const int Modes = 3;
    public const int Harmonies = 5;
    public const int Drifts = 5;

    private const int Pairs = Motifs * Modes;

    public static SleeveStyle For(SleeveSubject subject)
    {
        if (subject.Place is not { } place)
        {
            var random = new SleeveRandom(subject.Seed + "#style");
            return new SleeveStyle(random.Next(Motifs), random.Next(Modes), random.Next(Harmonies), random.Next(Drifts));
        }

        var family = new SleeveRandom(place.Family + "#family");
        var pairs = Shuffled(Pairs, family);
        var harmonyStart = family.Next(Harmonies);
        var driftStart = family.Next(Drifts);
        var index = Math.Max(place.Index, 0);
        var round = index / Pairs;
        var turn = index % Pairs;
        var pair = pairs[turn];
        // Two places with the same pair have the same turn, so they differ in round: the harmony tells rounds apart
        // (round mod 5), and the drift rounds five apart. The turn in the drift only varies it within a round.
        return new SleeveStyle(
            pair % Motifs,
            pair / Motifs,
            (harmonyStart + turn + round) % Harmonies,
            (driftStart + 2 * turn + round / Harmonies) % Drifts);
    }

    /// <summary>0 … count − 1 in an order fixed by the random's seed (Fisher–Yates).</summary>
    private static int[] Shuffled(int count, SleeveRandom random)
    {
        var items = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
