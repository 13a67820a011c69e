using SkiaSharp;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// The pictures the picture fuzzer mutates: every format and container an editor's file can come in (baseline JPEG,
/// a phone's JPEG with an orientation tag, PNG with and without alpha, lossy and lossless WebP, WebP in the extended
/// container, and an animated WebP), each just above the smallest size accepted so that mutants stay small and fast
/// and a flipped byte often lands in a header. Made with SkiaSharp on the spot, the same bytes in every run.
/// </summary>
public static class PictureSeeds
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Bytes)>> Made = new(Make);

    public static IReadOnlyList<(string Name, byte[] Bytes)> All => Made.Value;

    private static List<(string Name, byte[] Bytes)> Make()
    {
        var lossy = TestPictures.Webp(300, 200);
        return
        [
            ("jpeg 320x240", TestPictures.Jpeg(320, 240)),
            ("jpeg 240x320 stored sideways, orientation 6", TestPictures.WithOrientation(TestPictures.Jpeg(320, 240), 6)),
            ("png 300x200 opaque", TestPictures.Png(300, 200)),
            ("png 240x240 with alpha", TestPictures.Png(240, 240, transparent: true)),
            ("webp VP8 300x200", lossy),
            ("webp VP8L 240x240 with alpha", Lossless(240, 240)),
            ("webp VP8X+ALPH 240x240", Encode(240, 240, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80))),
            ("webp animated, 2 frames 300x200", PictureMutator.Animated(lossy, frames: 2)),
        ];
    }

    private static byte[] Lossless(int width, int height) => Encode(width, height, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75));

    /// <summary>A picture with a transparent bottom-right quarter, so WebP keeps an alpha channel.</summary>
    private static byte[] Encode(int width, int height, SKWebpEncoderOptions options)
    {
        using var bitmap = SKBitmap.Decode(TestPictures.Png(width, height, transparent: true));
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
        return data.ToArray();
    }
}
