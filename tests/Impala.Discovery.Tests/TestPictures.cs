using SkiaSharp;

namespace Impala.Discovery.Tests;

/// <summary>
/// Picture files made on the spot with SkiaSharp, as a camera or an image editor would save them: the left half red
/// and the right half blue, so a test can tell which way up a picture came out and which part a crop kept.
/// </summary>
public static class TestPictures
{
    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg, opaque: true);

    public static byte[] Png(int width, int height, bool transparent = false) => Encode(width, height, SKEncodedImageFormat.Png, opaque: !transparent);

    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp, opaque: true);

    /// <summary>The smallest GIF there is (1×1): a format pages do not take.</summary>
    public static byte[] Gif() =>
        [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B];

    /// <summary>
    /// A JPEG with an EXIF orientation tag, as a phone saves a picture taken sideways: the pixels as the sensor read
    /// them, and a tag that says how to turn them (6: a quarter turn clockwise).
    /// </summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        // APP1 "Exif\0\0", a big-endian TIFF header, one IFD with one entry: 0x0112 Orientation, SHORT, count 1.
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1,
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,
        ];
        byte[] header = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0];
        var length = 2 + header.Length + tiff.Length;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. header, .. tiff];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>The colour at a point of an encoded picture, as a browser would decode it.</summary>
    public static SKColor ColourAt(byte[] encoded, float x, float y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        return (codec.Info.Width, codec.Info.Height);
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, bool opaque)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
        using var red = new SKPaint { Color = SKColors.Red };
        using var blue = new SKPaint { Color = SKColors.Blue };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        canvas.DrawRect(width / 2f, 0, width / 2f, opaque ? height : height / 2f, blue);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
