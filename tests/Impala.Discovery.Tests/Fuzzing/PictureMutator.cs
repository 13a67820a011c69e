using System.Buffers.Binary;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a picture file's bytes: what a bad copy, a broken exporter or a hostile contributor can make of
/// it. Blind ones (bit flips, byte runs, cuts, duplicated or removed slices and chunks) and ones that know the formats
/// and get past their checksums: a PNG header that claims 30000×30000 with a correct CRC, a JPEG frame header with other
/// dimensions or another coding, EXIF orientations 0 to 255, WebP frame and canvas sizes, chunk sizes, animation.
/// Each operation names itself, so a failing mutant says how it was made; the same <see cref="Random"/> state always
/// gives the same mutant.
/// </summary>
public sealed class PictureMutator(Random random)
{
    private static readonly uint[] Interesting = [0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x4000, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0xFFFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    /// <summary>Sides a header may claim: zero, tiny, just under and over the limits, and decompression bombs.</summary>
    private static readonly int[] Sides = [0, 1, 199, 200, 4999, 5000, 5001, 8192, 16383, 16384, 30000, 65535];

    private readonly List<string> _operations = [];

    public IReadOnlyList<string> Operations => _operations;

    /// <summary>One operation half the time, else two or three; about two in three know the file's format.</summary>
    public byte[] Mutate(byte[] bytes)
    {
        var count = random.Next(2) == 0 ? 1 : random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            bytes = random.Next(3) == 0 || FormatOf(bytes) is null ? Blind(bytes) : Aware(bytes);
        }

        // A WebP whose RIFF size is wrong is refused before its chunks are read: half the time, let the mutant past.
        if (FormatOf(bytes) == "webp" && random.Next(2) == 0)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
            _operations.Add("RIFF size corrected");
        }

        return bytes;
    }

    /// <summary>A still WebP turned into an animated one: VP8X with the animation flag, ANIM, and its frame repeated.</summary>
    public static byte[] Animated(byte[] webp, int frames, (int Width, int Height)? size = null)
    {
        var image = RiffChunks(webp).First(chunk => chunk.Type is "VP8 " or "VP8L");
        var (w, h) = size ?? WebpSize(webp);
        var frame = webp[(image.Offset - 8)..Math.Min(webp.Length, image.End + (image.Length & 1))];
        byte[] anmf = [.. U24(0), .. U24(0), .. U24(w - 1), .. U24(h - 1), .. U24(100), 0, .. frame];
        var body = new List<byte>();
        body.AddRange(Chunk("VP8X", [0x02, 0, 0, 0, .. U24(w - 1), .. U24(h - 1)]));
        body.AddRange(Chunk("ANIM", [0xFF, 0xFF, 0xFF, 0xFF, 0, 0]));
        for (var i = 0; i < frames; i++)
        {
            body.AddRange(Chunk("ANMF", anmf));
        }

        return Riff([.. body]);
    }

    /// <summary>A PNG whose header claims another size, with the header's CRC made right: a decompression bomb when large.</summary>
    public static byte[] WithPngSize(byte[] png, int width, int height)
    {
        var ihdr = PngChunks(png).First(chunk => chunk.Type == "IHDR");
        var copy = png.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(ihdr.Offset), width);
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(ihdr.Offset + 4), height);
        return FixCrc(copy, ihdr);
    }

    /// <summary>A JPEG whose frame header (precision, height, width, …) claims another size.</summary>
    public static byte[] WithJpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var frame = JpegSegments(jpeg).First(segment => segment.Marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC);
        var copy = jpeg.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame.Offset + 1), height);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(frame.Offset + 3), width);
        return copy;
    }

    private byte[] Blind(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return Note([0xFF, 0xD8], "an empty file became a JPEG start");
        }

        var at = Offset(bytes);
        switch (random.Next(8))
        {
            case 0:
                var flips = random.Next(1, 9);
                var copy = bytes.ToArray();
                for (var i = 0; i < flips; i++)
                {
                    copy[Offset(bytes)] ^= (byte)(1 << random.Next(8));
                }

                return Note(copy, $"{flips} bits flipped");
            case 1:
                var run = Math.Min(random.Next(1, 65), bytes.Length - at);
                var value = (byte)(random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => random.Next(256) });
                var overwritten = bytes.ToArray();
                overwritten.AsSpan(at, run).Fill(value);
                return Note(overwritten, $"{run} bytes at {at} set to 0x{value:X2}");
            case 2:
                var size = Math.Min(1 << random.Next(3), bytes.Length) switch { 3 => 2, var fits => fits };
                var number = Interesting[random.Next(Interesting.Length)];
                var written = bytes.ToArray();
                var bigEndian = random.Next(2) == 0;
                WriteNumber(written.AsSpan(Math.Min(at, bytes.Length - size)), size, number, bigEndian);
                return Note(written, $"{size}-byte {(bigEndian ? "big" : "little")}-endian 0x{number:X} at {at}");
            case 3:
                return Note(bytes[..at], $"cut at {at} of {bytes.Length}");
            case 4:
                var inserted = new byte[random.Next(1, 65)];
                random.NextBytes(inserted);
                return Note([.. bytes[..at], .. inserted, .. bytes[at..]], $"{inserted.Length} random bytes inserted at {at}");
            case 5:
                var length = Math.Min(random.Next(1, 257), bytes.Length - at);
                return Note([.. bytes[..(at + length)], .. bytes[at..]], $"{length} bytes at {at} repeated");
            case 6:
                var removed = Math.Min(random.Next(1, 257), bytes.Length - at);
                return Note([.. bytes[..at], .. bytes[(at + removed)..]], $"{removed} bytes at {at} removed");
            default:
                var (name, other) = PictureSeeds.All[random.Next(PictureSeeds.All.Count)];
                var from = random.Next(other.Length);
                return Note([.. bytes[..at], .. other[from..]], $"from {at} on, the {name} seed from {from}");
        }
    }

    /// <summary>An offset in the file, in its first 64 bytes (where the headers are) half the time.</summary>
    private int Offset(byte[] bytes) => random.Next(random.Next(2) == 0 ? Math.Min(64, bytes.Length) : bytes.Length);

    private byte[] Aware(byte[] bytes) => FormatOf(bytes) switch
    {
        "png" => Png(bytes),
        "jpeg" => Jpeg(bytes),
        _ => Webp(bytes),
    };

    private static string? FormatOf(byte[] bytes) =>
        bytes.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "png"
        : bytes.AsSpan().StartsWith((byte[])[0xFF, 0xD8]) ? "jpeg"
        : bytes.Length >= 12 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8) ? "webp"
        : null;

    private byte[] Note(byte[] bytes, string operation)
    {
        _operations.Add(operation);
        return bytes;
    }

    private int Side(int own) => random.Next(4) switch
    {
        0 => own + random.Next(-3, 4),
        1 => own * (1 << random.Next(1, 8)),
        _ => Sides[random.Next(Sides.Length)],
    };

    // PNG: 8-byte signature, then chunks of length (4, big-endian), type (4), data, CRC-32 of type and data (4).

    private byte[] Png(byte[] bytes)
    {
        var chunks = PngChunks(bytes);
        var ihdr = chunks.FirstOrDefault(chunk => chunk.Type == "IHDR");
        if (ihdr.Type is null || ihdr.Length < 13)
        {
            return Blind(bytes);
        }

        var copy = bytes.ToArray();
        switch (random.Next(7))
        {
            case 0:
                var (width, height) = (Side(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(ihdr.Offset))), Side(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(ihdr.Offset + 4))));
                return Note(WithPngSize(bytes, width, height), $"PNG header claims {width}×{height}, CRC correct");
            case 1:
                var field = random.Next(8, 13);
                byte[] values = field switch { 8 => [0, 1, 2, 4, 8, 16, 3, 255], 9 => [0, 1, 2, 3, 4, 6, 7, 255], _ => [0, 1, 2, 255] };
                copy[ihdr.Offset + field] = values[random.Next(values.Length)];
                return Note(FixCrc(copy, ihdr), $"PNG header byte {field} (depth, colour, compression, filter, interlace) set to {copy[ihdr.Offset + field]}, CRC correct");
            case 2:
                var chunk = chunks[random.Next(chunks.Count)];
                if (chunk.Length == 0)
                {
                    return Blind(bytes);
                }

                var flips = random.Next(1, 5);
                for (var i = 0; i < flips; i++)
                {
                    copy[chunk.Offset + random.Next(chunk.Length)] ^= (byte)(1 << random.Next(8));
                }

                return Note(FixCrc(copy, chunk), $"{flips} bits flipped in {chunk.Type}, CRC correct");
            case 3:
                var lengthOf = chunks[random.Next(chunks.Count)];
                var length = Interesting[random.Next(Interesting.Length)];
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(lengthOf.Offset - 8), length);
                return Note(copy, $"{lengthOf.Type} length set to 0x{length:X}");
            case 4:
                var (type, data) = random.Next(6) switch
                {
                    0 => ("acTL", (byte[])[0, 0, 0, (byte)random.Next(1, 4), 0, 0, 0, 0]),
                    1 => ("eXIf", Exif((ushort)random.Next(256))),
                    2 => ("PLTE", RandomBytes(3 * random.Next(0, 257))),
                    3 => ("tRNS", RandomBytes(random.Next(0, 257))),
                    4 => ("iCCP", [.. "icc\0\0"u8, .. RandomBytes(random.Next(0, 200))]),
                    _ => ("IDAT", RandomBytes(random.Next(0, 200))),
                };
                var after = random.Next(2) == 0 ? ihdr : chunks[random.Next(chunks.Count)];
                var end = after.End + 4;
                return Note([.. bytes[..end], .. PngChunk(type, data), .. bytes[end..]], $"a {type} chunk of {data.Length} bytes after {after.Type}");
            case 5:
                var repeated = chunks[random.Next(chunks.Count)];
                return Note([.. bytes[..(repeated.End + 4)], .. bytes[(repeated.Offset - 8)..]], $"{repeated.Type} and what follows repeated");
            default:
                var dropped = chunks[random.Next(chunks.Count)];
                return Note([.. bytes[..(dropped.Offset - 8)], .. bytes[(dropped.End + 4)..]], $"{dropped.Type} removed");
        }
    }

    /// <summary>The chunks as far as they can be followed: type, where the data starts and ends.</summary>
    private static List<(string Type, int Offset, int Length, int End)> PngChunks(byte[] bytes)
    {
        var chunks = new List<(string, int, int, int)>();
        for (var at = 8; at + 12 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (length > bytes.Length - at - 12)
            {
                break;
            }

            chunks.Add((System.Text.Encoding.Latin1.GetString(bytes, at + 4, 4), at + 8, (int)length, at + 8 + (int)length));
            at += 12 + (int)length;
        }

        return chunks;
    }

    private static byte[] FixCrc(byte[] bytes, (string Type, int Offset, int Length, int End) chunk)
    {
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(chunk.End), Crc32(bytes.AsSpan(chunk.Offset - 4, chunk.Length + 4)));
        return bytes;
    }

    private static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.Latin1.GetBytes(type), .. data];
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    // JPEG: markers FF xx; each segment up to the scan has a 2-byte big-endian length that counts itself.

    private byte[] Jpeg(byte[] bytes)
    {
        var segments = JpegSegments(bytes);
        var frame = segments.FirstOrDefault(segment => segment.Marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC);
        var frameLength = frame.End - frame.Offset;
        if (segments.Count == 0)
        {
            return Blind(bytes);
        }

        var copy = bytes.ToArray();
        switch (random.Next(frameLength >= 8 ? 7 : 4))
        {
            case 0:
                var orientation = (ushort)random.Next(random.Next(2) == 0 ? 9 : 256);
                byte[] exif = [.. "Exif\0\0"u8, .. Exif(orientation)];
                var corrupt = random.Next(3) == 0 ? random.Next(6, exif.Length) : -1;
                if (corrupt >= 0)
                {
                    exif[corrupt] = (byte)random.Next(256);
                }

                return Note([.. bytes[..2], .. JpegSegment(0xE1, exif), .. bytes[2..]],
                    $"EXIF orientation {orientation}{(corrupt >= 0 ? $", its byte {corrupt} set to {exif[corrupt]}" : "")}");
            case 1:
                var lengthOf = segments[random.Next(segments.Count)];
                var length = (ushort)Interesting[random.Next(Interesting.Length)];
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(lengthOf.Offset - 2), length);
                return Note(copy, $"segment FF{lengthOf.Marker:X2} length set to {length}");
            case 2:
                var repeated = segments[random.Next(segments.Count)];
                return Note([.. bytes[..repeated.End], .. bytes[(repeated.Offset - 4)..]], $"segment FF{repeated.Marker:X2} and what follows repeated");
            case 3:
                var dropped = segments[random.Next(segments.Count)];
                return Note([.. bytes[..(dropped.Offset - 4)], .. bytes[dropped.End..]], $"segment FF{dropped.Marker:X2} removed");
            case 4:
                // Frame header: precision (1), height (2), width (2), components (1), then 3 bytes per component.
                var (height, width) = ((ushort)Side(BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(frame.Offset + 1))),
                    (ushort)Side(BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(frame.Offset + 3))));
                return Note(WithJpegSize(bytes, width, height), $"JPEG frame header claims {width}×{height}");
            case 5:
                byte[] markers = [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF];
                copy[frame.Offset - 3] = markers[random.Next(markers.Length)];
                return Note(copy, $"frame marker FF{frame.Marker:X2} became FF{copy[frame.Offset - 3]:X2} (progressive, lossless, arithmetic)");
            default:
                var field = random.Next(Math.Min(frameLength, 15));
                var value = (byte)(random.Next(2) == 0 ? random.Next(256) : new[] { 0, 1, 0x11, 0x22, 0x44, 0x41, 0x14, 4, 255 }[random.Next(9)]);
                copy[frame.Offset + field] = value;
                return Note(copy, $"JPEG frame header byte {field} (precision, components, sampling, tables) set to 0x{value:X2}");
        }
    }

    /// <summary>The segments before the scan data: marker, where the data starts (after the length) and where it ends.</summary>
    private static List<(byte Marker, int Offset, int End)> JpegSegments(byte[] bytes)
    {
        var segments = new List<(byte, int, int)>();
        for (var at = 2; at + 4 <= bytes.Length && bytes[at] == 0xFF;)
        {
            var marker = bytes[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));
            if (length < 2 || at + 2 + length > bytes.Length)
            {
                break;
            }

            segments.Add((marker, at + 4, at + 2 + length));
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return segments;
    }

    private static byte[] JpegSegment(byte marker, byte[] data) => [0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];

    /// <summary>A big-endian TIFF header with one IFD and one entry: 0x0112 Orientation, SHORT, count 1.</summary>
    private static byte[] Exif(ushort orientation) =>
        [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];

    // WebP: "RIFF", size (4, little-endian), "WEBP", then chunks of type (4), size (4, little-endian), data, padded to even.

    private byte[] Webp(byte[] bytes)
    {
        var chunks = RiffChunks(bytes);
        if (chunks.Count == 0)
        {
            return Blind(bytes);
        }

        var copy = bytes.ToArray();
        var vp8 = chunks.FirstOrDefault(chunk => chunk.Type == "VP8 " && chunk.Length >= 10);
        var vp8l = chunks.FirstOrDefault(chunk => chunk.Type == "VP8L" && chunk.Length >= 5);
        var vp8x = chunks.FirstOrDefault(chunk => chunk.Type == "VP8X" && chunk.Length >= 10);
        switch (random.Next(8))
        {
            case 0:
                var riff = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (uint)(bytes.Length - 8 + random.Next(-9, 10));
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(4), riff);
                return Note(copy, $"RIFF size set to 0x{riff:X}");
            case 1:
                var sized = chunks[random.Next(chunks.Count)];
                var size = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (uint)(sized.Length + random.Next(-9, 10));
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(sized.Offset - 4), size);
                return Note(copy, $"{sized.Type} size set to 0x{size:X}");
            case 2 when vp8.Type is not null:
                // Frame tag (3), start code 9D 01 2A (3), then 14-bit width and height, each with a 2-bit upscale.
                var (width, height) = (Side(300) & 0x3FFF | random.Next(4) << 14, Side(200) & 0x3FFF | (random.Next(3) == 0 ? random.Next(4) << 14 : 0));
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(vp8.Offset + 6), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(vp8.Offset + 8), (ushort)height);
                return Note(copy, $"VP8 frame claims {width & 0x3FFF}×{height & 0x3FFF} (scale bits {width >> 14}, {height >> 14})");
            case 3 when vp8l.Type is not null:
                // Signature 2F, then 14 bits width-1, 14 bits height-1, 1 bit alpha, 3 bits version.
                var header = (uint)(Side(240) - 1 & 0x3FFF) | (uint)(Side(240) - 1 & 0x3FFF) << 14 | (uint)random.Next(2) << 28 | (uint)(random.Next(4) == 0 ? random.Next(8) : 0) << 29;
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(vp8l.Offset + 1), header);
                return Note(copy, $"VP8L header claims {(header & 0x3FFF) + 1}×{(header >> 14 & 0x3FFF) + 1}, version {header >> 29}");
            case 4 when vp8x.Type is not null:
                var canvas = (W: Side(240) - 1 & 0xFFFFFF, H: Side(240) - 1 & 0xFFFFFF);
                U24(canvas.W).CopyTo(copy, vp8x.Offset + 4);
                U24(canvas.H).CopyTo(copy, vp8x.Offset + 7);
                return Note(copy, $"VP8X canvas claims {canvas.W + 1}×{canvas.H + 1}");
            case 5 when vp8x.Type is not null:
                copy[vp8x.Offset] = (byte)random.Next(256);
                return Note(copy, $"VP8X flags set to 0x{copy[vp8x.Offset]:X2} (animation 02, XMP 04, EXIF 08, alpha 10, ICC 20)");
            case 6 when vp8.Type is not null || vp8l.Type is not null:
                var frames = random.Next(1, 4);
                (int Width, int Height)? claimed = random.Next(3) == 0 ? (Side(300), Side(200)) : null;
                return Note(Animated(bytes, frames, claimed), $"made animated: {frames} frames{(claimed is { } c ? $" of {c.Width}×{c.Height}" : "")}");
            case 7 when vp8x.Type is not null:
                var orientation = (ushort)random.Next(256);
                copy[vp8x.Offset] |= 0x08;
                return Note(Riff([.. copy[12..], .. Chunk("EXIF", Exif(orientation))]), $"EXIF chunk with orientation {orientation}");
            default:
                var dropped = chunks[random.Next(chunks.Count)];
                return random.Next(2) == 0
                    ? Note(Riff([.. bytes[12..(dropped.Offset - 8)], .. bytes[Math.Min(bytes.Length, dropped.End + (dropped.Length & 1))..]]), $"{dropped.Type} removed")
                    : Note(Riff([.. bytes[12..Math.Min(bytes.Length, dropped.End + (dropped.Length & 1))], .. bytes[(dropped.Offset - 8)..]]), $"{dropped.Type} and what follows repeated");
        }
    }

    private static List<(string Type, int Offset, int Length, int End)> RiffChunks(byte[] bytes)
    {
        var chunks = new List<(string, int, int, int)>();
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            if (length > bytes.Length - at - 8)
            {
                break;
            }

            chunks.Add((System.Text.Encoding.Latin1.GetString(bytes, at, 4), at + 8, (int)length, at + 8 + (int)length));
            at += 8 + (int)length + (int)(length & 1);
        }

        return chunks;
    }

    private static (int Width, int Height) WebpSize(byte[] webp)
    {
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(webp));
        return codec is null ? (300, 200) : (codec.Info.Width, codec.Info.Height);
    }

    private static byte[] Riff(byte[] body)
    {
        var riff = new byte[body.Length + 12];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteInt32LittleEndian(riff.AsSpan(4), body.Length + 4);
        "WEBP"u8.CopyTo(riff.AsSpan(8));
        body.CopyTo(riff, 12);
        return riff;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        System.Text.Encoding.Latin1.GetBytes(type).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] U24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void WriteNumber(Span<byte> at, int size, uint value, bool bigEndian)
    {
        switch (size)
        {
            case 1:
                at[0] = (byte)value;
                break;
            case 2 when bigEndian:
                BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)value);
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value);
                break;
            case 4 when bigEndian:
                BinaryPrimitives.WriteUInt32BigEndian(at, value);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(at, value);
                break;
        }
    }
}
