using Impala.Discovery.Tests.Fuzzing;
using Impala.Discovery.Web.Content.Pictures;
using SkiaSharp;

namespace Impala.Discovery.Tests.Content.Pictures;

/// <summary>What an editor's picture file gives: its size as shown, the refusals in words, and the renditions pages use, one at a time.</summary>
public sealed class PictureCodecTests
{
    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public void APictureInAnyOfTheThreeFormats_IsReadWithItsSize(string format)
    {
        var bytes = format switch { "jpeg" => TestPictures.Jpeg(1200, 800), "png" => TestPictures.Png(1200, 800), _ => TestPictures.Webp(1200, 800) };

        var (picture, error) = PictureCodec.Check(bytes);

        Assert.Null(error);
        Assert.Equal((1200, 800), (picture!.Width, picture.Height));
        Assert.Matches("^[0-9a-f]{20}$", picture.Hash);
    }

    [Fact]
    public void APhoneShotTakenSideways_IsShownTheWayItWasHeld()
    {
        // Stored 800×400 (red left, blue right) with "turn a quarter clockwise": shown 400×800, red on top.
        var bytes = TestPictures.WithOrientation(TestPictures.Jpeg(800, 400), orientation: 6);

        var (picture, error) = PictureCodec.Check(bytes);
        var widest = PictureCodec.Render(bytes, "400.jpg");

        Assert.Null(error);
        Assert.Equal((400, 800), (picture!.Width, picture.Height));
        Assert.Equal((400, 800), TestPictures.SizeOf(widest));
        Assert.True(TestPictures.ColourAt(widest, 0.5f, 0.1f).Red > 200, "the sensor's left (red) half should be on top");
        Assert.True(TestPictures.ColourAt(widest, 0.5f, 0.9f).Blue > 200, "the sensor's right (blue) half should be at the bottom");
    }

    [Fact]
    public void ThePictureChangesItsFingerprint_WhenOneByteChanges()
    {
        var bytes = TestPictures.Jpeg(600, 400);
        var changed = bytes.ToArray();
        changed[^3] ^= 0x01;

        Assert.NotEqual(PictureCodec.HashOf(bytes), PictureCodec.HashOf(changed));
        Assert.Equal(PictureCodec.HashOf(bytes), PictureCodec.HashOf(bytes.ToArray()));
    }

    [Fact]
    public void Renditions_AreEveryWidthUpToThePicturesOwn_InWebpAndJpeg_PlusSquaresForCards()
    {
        var bytes = TestPictures.Jpeg(1000, 500);

        var renditions = PictureSizes.NamesFor(1000).ToDictionary(name => name, name => PictureCodec.Render(bytes, name));

        Assert.Equal(
            ["1000.jpg", "1000.webp", "480.jpg", "480.webp", "720.jpg", "720.webp", "960.jpg", "960.webp", "sq192.jpg", "sq192.webp", "sq96.jpg", "sq96.webp"],
            renditions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((720, 360), TestPictures.SizeOf(renditions["720.webp"]));
        Assert.Equal((192, 192), TestPictures.SizeOf(renditions["sq192.jpg"]));
        using var webp = SKCodec.Create(new MemoryStream(renditions["480.webp"]));
        using var jpeg = SKCodec.Create(new MemoryStream(renditions["480.jpg"]));
        Assert.Equal(SKEncodedImageFormat.Webp, webp.EncodedFormat);
        Assert.Equal(SKEncodedImageFormat.Jpeg, jpeg.EncodedFormat);
    }

    [Fact]
    public void TheCardSquare_IsTheMiddleOfThePicture()
    {
        // 900×300: red left half, blue right half. The middle square (300–600) is half red, half blue.
        var square = PictureCodec.Render(TestPictures.Png(900, 300), "sq192.jpg");

        Assert.True(TestPictures.ColourAt(square, 0.1f, 0.5f).Red > 200);
        Assert.True(TestPictures.ColourAt(square, 0.9f, 0.5f).Blue > 200);
    }

    [Fact]
    public void ATransparentLogo_TurnsWhiteNotBlack_InTheJpeg()
    {
        var logo = TestPictures.Png(600, 600, transparent: true);

        var corner = TestPictures.ColourAt(PictureCodec.Render(logo, "480.jpg"), 0.95f, 0.95f);
        Assert.True(corner.Red > 240 && corner.Green > 240 && corner.Blue > 240, $"the clear corner should be white, was {corner}");
        Assert.True(TestPictures.ColourAt(PictureCodec.Render(logo, "480.webp"), 0.95f, 0.95f).Alpha < 10, "the WebP keeps the transparency");
    }

    [Fact]
    public void APictureNeverGrows_ASmallOneGetsItsOwnWidthOnly()
    {
        Assert.Equal([300], PictureSizes.WidthsFor(300));
        Assert.Equal([480, 720, 960, 1440], PictureSizes.WidthsFor(4000));
        Assert.Equal([480, 720], PictureSizes.WidthsFor(720));
    }

    [Theory]
    [InlineData("720.webp", false, 720, "webp")]
    [InlineData("sq96.jpg", true, 96, "jpg")]
    [InlineData("1000.jpg", false, 1000, "jpg")]
    public void ARenditionName_SaysWhatItIs(string name, bool square, int size, string format)
    {
        Assert.Equal((square, size, format), PictureSizes.Parse(name));
    }

    [Theory]
    [InlineData("720.gif")]
    [InlineData("1441.jpg")]
    [InlineData("199.jpg")]
    [InlineData("0720.jpg")]
    [InlineData("sq100.jpg")]
    [InlineData("720.webp.tmp")]
    [InlineData("720")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("-720.jpg")]
    public void ANameNoPictureHas_IsNoRendition(string name)
    {
        Assert.Null(PictureSizes.Parse(name));
    }

    [Fact]
    public void ARenditionThePictureDoesNotHave_IsNotMade()
    {
        Assert.Throws<ArgumentException>(() => PictureCodec.Render(TestPictures.Png(600, 600), "720.jpg"));
    }

    [Theory]
    [InlineData(199, 600, "too small to look sharp")]
    [InlineData(1000, 300, "longer than 3:1")]
    [InlineData(6000, 4500, "more than 25 megapixels")]
    public void APictureOfTheWrongSize_IsRefusedSayingWhy(int width, int height, string expected)
    {
        var (picture, error) = PictureCodec.Check(TestPictures.Png(width, height));

        Assert.Null(picture);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void AFileThatIsNoPicture_IsRefused()
    {
        var (picture, error) = PictureCodec.Check("This is a text file, renamed to .jpg"u8.ToArray());

        Assert.Null(picture);
        Assert.Contains("is not a picture that can be read", error);
    }

    [Fact]
    public void AGif_IsRefused_AskingForJpegPngOrWebp()
    {
        var (_, error) = PictureCodec.Check(TestPictures.Gif());

        Assert.Contains("saved as GIF", error);
        Assert.Contains("JPEG, PNG or WebP", error);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public void AFileCutShort_IsRefused_NotShownHalfGrey(string format)
    {
        var bytes = format switch { "jpeg" => TestPictures.Jpeg(800, 600), "png" => TestPictures.Png(800, 600), _ => TestPictures.Webp(800, 600) };

        var (picture, error) = PictureCodec.Check(bytes[..(bytes.Length * 2 / 3)]);

        Assert.Null(picture);
        Assert.NotNull(error);
    }

    // Found by the picture fuzzer (Fuzzing/PictureMutantTests): a 900-byte JPEG whose frame header claims 4999×5001 and
    // whose orientation tag turns it, accepted as the grey 25-megapixel picture a browser would show too, raised the
    // process's memory by 289 MB to check and 286 MB to render, more than twice the 100 MB its pixels take. SkiaSharp
    // rounds a scale it is asked for down to the nearest eighth, too small here, so the codec fell back to full size,
    // then held the pixels again to turn them and a third time to draw them. A real 5000×5000 phone picture took the same
    // path (285 MB). It now decodes at 3/8, checks without turning, and shares the pixels: 16 MB and 40 MB.
    [Fact]
    public async Task ASideways25MegapixelJpeg_IsCheckedAndRendered_WithinTheMemoryBound()
    {
        var bytes = PictureMutator.WithJpegSize(TestPictures.WithOrientation(TestPictures.Jpeg(320, 240), 6), width: 4999, height: 5001);
        Assert.Equal((5001, 4999), (PictureCodec.Check(bytes).Picture?.Width, PictureCodec.Check(bytes).Picture?.Height));

        var result = await PictureMutantChild.RunAsync(bytes);

        Assert.True(result.Accepted);
        Assert.Empty(result.Problems);
        // Under three quarters of the full-size pixels: the old path took nearly three times them. (Measured 40 MB on a
        // quiet machine and 51 MB with the machine busy, where the runtime's own allocations grow the peak.)
        Assert.InRange(result.PeakGrowth, -1, PictureRules.MaxPixels * 4 * 3 / 4);
    }

    // A 2 KB PNG whose header claims 30000×30000 pixels (3.6 GB decoded), with a correct CRC: refused from its header,
    // before a byte of pixels is allocated.
    [Theory]
    [InlineData(30000, 30000)]
    [InlineData(5001, 5000)]
    [InlineData(int.MaxValue, 1)]
    public async Task ADecompressionBomb_IsRefusedFromItsHeader_BeforeItsPixelsAreAllocated(int width, int height)
    {
        var bytes = PictureMutator.WithPngSize(TestPictures.Png(300, 200), width, height);

        var (picture, error) = PictureCodec.Check(bytes);
        var result = await PictureMutantChild.RunAsync(bytes);

        Assert.Null(picture);
        Assert.NotNull(error);
        Assert.Empty(result.Problems);
        Assert.InRange(result.PeakGrowth, -1, 16L << 20);
    }

    [Fact]
    public void AFileOverTenMegabytes_IsRefusedBeforeItIsDecoded()
    {
        var (_, error) = PictureCodec.Check(new byte[PictureRules.MaxBytes + 1]);

        Assert.Contains("the limit is 10 MB", error);
    }
}
