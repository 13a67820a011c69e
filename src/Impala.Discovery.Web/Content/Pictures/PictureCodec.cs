using System.Security.Cryptography;
using SkiaSharp;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// Reads an editor's picture with SkiaSharp and makes its renditions, one at a time. Reading checks everything a browser would
/// stumble on (a file that is no picture, a cut-short file, an animation, sizes out of <see cref="PictureRules"/>) and
/// decodes the whole picture, at the smallest scale the rendition allows, so memory stays bounded.
/// </summary>
public static class PictureCodec
{
    private const int WebpQuality = 78;
    private const int JpegQuality = 82;

    /// <summary>The picture's fingerprint and size, or what is wrong with it in words an editor can act on.</summary>
    public static (CheckedPicture? Picture, string? Error) Check(byte[] bytes)
    {
        // Turning the picture upright tells nothing more about the file, and would hold its pixels twice. Decoded at the
        // widest rendition's scale, so that a file that fails for any rendition fails here, at the import.
        var (bitmap, picture, error) = Decode(bytes, upright: false, (width, _) => PictureSizes.PageWidths[^1]);
        bitmap?.Dispose();
        return (picture, error);
    }

    /// <summary>
    /// One rendition, encoded, such as "720.webp" or "sq192.jpg": a name of <see cref="PictureSizes.NamesFor"/> this
    /// picture's width; the file must have passed <see cref="Check"/>. The picture is decoded only as large as this
    /// rendition needs.
    /// </summary>
    public static byte[] Render(byte[] bytes, string name)
    {
        var (square, size, format) = PictureSizes.Parse(name) ?? throw new ArgumentException($"'{name}' names no rendition.", nameof(name));
        // A square is cut from the middle: the picture's shorter side must be at least the square's.
        var (bitmap, picture, error) = Decode(bytes, upright: true,
            (width, height) => square ? (int)Math.Ceiling((double)size * width / Math.Min(width, height)) : size);
        using var decoded = bitmap ?? throw new InvalidOperationException($"The picture cannot be rendered: {error}");
        if (!PictureSizes.NamesFor(picture!.Width).Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"no rendition '{name}' for a picture {picture.Width} pixels wide", nameof(name));
        }

        decoded.SetImmutable(); // so the image shares its pixels rather than copying them
        using var image = SKImage.FromBitmap(decoded);
        var side = Math.Min(decoded.Width, decoded.Height);
        var (source, width, height) = square
            ? (SKRect.Create((decoded.Width - side) / 2f, (decoded.Height - side) / 2f, side, side), size, size)
            : (SKRect.Create(decoded.Width, decoded.Height), size, PictureSizes.HeightFor(size, picture.Width, picture.Height));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        // JPEG has no transparency: a PNG logo's clear parts turn white rather than black.
        surface.Canvas.Clear(format == "jpg" ? SKColors.White : SKColors.Transparent);
        surface.Canvas.DrawImage(image, source, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var scaled = surface.Snapshot();
        return format == "jpg" ? Encode(scaled, SKEncodedImageFormat.Jpeg, JpegQuality) : Encode(scaled, SKEncodedImageFormat.Webp, WebpQuality);
    }

    /// <summary>The fingerprint in rendition addresses: of the bytes and of how they are encoded.</summary>
    public static string HashOf(byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(PictureSizes.EncodingVersion));
        return Convert.ToHexString(hash.GetHashAndReset())[..20].ToLowerInvariant();
    }

    /// <summary>
    /// The name git gives these bytes as a file (the SHA-1 of a "blob" object): a picture committed once can be read
    /// back by it (git cat-file) after its file was replaced or deleted.
    /// </summary>
    public static string GitBlobOf(byte[] bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
        hash.AppendData(bytes);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    /// <param name="bytes">The file.</param>
    /// <param name="upright">Whether to turn the pixels the way the camera was held.</param>
    /// <param name="neededWidth">How wide, as shown, the pixels must be at least, from the picture's size as shown.</param>
    private static (SKBitmap? Bitmap, CheckedPicture? Picture, string? Error) Decode(byte[] bytes, bool upright, Func<int, int, int> neededWidth)
    {
        if (bytes.LongLength > PictureRules.MaxBytes)
        {
            return (null, null, TooLarge(bytes.LongLength));
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, null, "This file is not a picture that can be read. Save it again as JPEG, PNG or WebP.");
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            return (null, null, $"This picture is saved as {codec.EncodedFormat.ToString().ToUpperInvariant()}. Save it again as JPEG, PNG or WebP.");
        }

        if (codec.FrameCount > 1)
        {
            return (null, null, "This picture is animated, and pages show still pictures only. Save one frame as JPEG, PNG or WebP.");
        }

        var stored = codec.Info;
        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        if (SizeError(width, height) is { } sizeError)
        {
            return (null, null, sizeError);
        }

        // WebP decodes at any smaller scale directly, JPEG at 1/8, 2/8, … 7/8: take the smallest that is still as wide as
        // the rendition needs. (JPEG rounds a scale down to its eighths, which can be too small: then the next eighth.)
        var wanted = Math.Min(1f, (float)neededWidth(width, height) / width);
        var needed = Math.Min(stored.Width, (int)Math.Ceiling(stored.Width * wanted));
        var scaled = new[] { wanted }.Concat(Enumerable.Range(1, 7).Select(eighths => eighths / 8f)).Select(codec.GetScaledDimensions)
            .FirstOrDefault(size => size.Width >= needed && size.Width < stored.Width, stored.Size);

        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return (null, null, result == SKCodecResult.IncompleteInput
                ? "This picture file is cut short: only part of it was saved or copied. Copy or export it again."
                : $"This picture could not be decoded ({result}). Open it in an image editor and save it again as JPEG, PNG or WebP.");
        }

        return (upright ? Orient(bitmap, codec.EncodedOrigin) : bitmap, new CheckedPicture(HashOf(bytes), width, height), null);
    }

    public static string TooLarge(long bytes) =>
        $"This picture file is {bytes / 1024.0 / 1024.0:0.0} MB; the limit is {PictureRules.MaxBytes / 1024 / 1024} MB. "
        + "Export it again at about 2,000 pixels wide, which is more than any page shows.";

    private static string? SizeError(int width, int height)
    {
        if ((long)width * height > PictureRules.MaxPixels)
        {
            return $"This picture is {width:#,0} × {height:#,0} pixels, more than {PictureRules.MaxPixels / 1_000_000} megapixels. "
                + "Export it again at about 2,000 pixels wide, which is more than any page shows.";
        }

        if (Math.Min(width, height) < PictureRules.MinSide)
        {
            return $"This picture is {width} × {height} pixels, too small to look sharp. Use one at least {PictureRules.MinSide} pixels on each side; "
                + "1,440 pixels wide is best.";
        }

        if ((double)Math.Max(width, height) / Math.Min(width, height) > PictureRules.MaxAspectRatio)
        {
            return $"This picture is {width} × {height} pixels, longer than {PictureRules.MaxAspectRatio:0}:1, and cards would show a sliver of it. "
                + "Crop it closer to a square or a 3:2 landscape.";
        }

        return null;
    }

    /// <summary>A camera's picture as it was held: the file stores it sideways and says so in its orientation tag.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap;
        }

        var (w, h) = (bitmap.Width, bitmap.Height);
        // x' = scaleX·x + skewX·y + transX; y' = skewY·x + scaleY·y + transY, for each of the EXIF orientations.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom
        };
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(new SKImageInfo(turned ? h : w, turned ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.SetImmutable(); // so the image shares its pixels rather than copying them
        using (var canvas = new SKCanvas(upright))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.SetMatrix(matrix);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        bitmap.Dispose();
        return upright;
    }
}
