using System.Buffers.Binary;
using System.IO.Compression;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// WOFF 1.0 unpacked into the plain OpenType file it wraps. The card fonts ship as WOFF (as @fontsource publishes
/// them); Skia reads WOFF, but HarfBuzz, which shapes the text, reads only OpenType, and both must see the same font.
/// </summary>
public static class Woff
{
    private const uint Signature = 0x774F4646; // "wOFF"
    private const int HeaderSize = 44;
    private const int DirectoryEntrySize = 20;
    private const int RecordSize = 16;

    /// <summary>The OpenType bytes of a WOFF file; any other font file is returned unchanged.</summary>
    public static byte[] ToOpenType(byte[] woff)
    {
        if (woff.Length < HeaderSize || BinaryPrimitives.ReadUInt32BigEndian(woff) != Signature)
        {
            return woff;
        }

        var flavor = BinaryPrimitives.ReadUInt32BigEndian(woff.AsSpan(4));
        var count = BinaryPrimitives.ReadUInt16BigEndian(woff.AsSpan(12));
        var tables = new List<(uint Tag, uint Checksum, byte[] Data)>(count);
        for (var index = 0; index < count; index++)
        {
            var entry = woff.AsSpan(HeaderSize + index * DirectoryEntrySize, DirectoryEntrySize);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var compressed = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            var original = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            var data = compressed < original ? Inflate(woff.AsSpan(offset, compressed), original) : woff.AsSpan(offset, original).ToArray();
            tables.Add((BinaryPrimitives.ReadUInt32BigEndian(entry), BinaryPrimitives.ReadUInt32BigEndian(entry[16..]), data));
        }

        // The offset table, then one record per table (in the WOFF's order, which the format keeps sorted by tag),
        // then the tables themselves, each starting on a four-byte boundary.
        var headerLength = 12 + RecordSize * count;
        var length = headerLength + tables.Sum(table => Padded(table.Data.Length));
        var font = new byte[length];
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(font, flavor);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - power * 16));
        var position = headerLength;
        for (var index = 0; index < count; index++)
        {
            var (tag, checksum, data) = tables[index];
            var record = font.AsSpan(12 + index * RecordSize, RecordSize);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font, position);
            position += Padded(data.Length);
        }

        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static byte[] Inflate(ReadOnlySpan<byte> compressed, int length)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        var data = new byte[length];
        zlib.ReadExactly(data);
        return data;
    }
}
