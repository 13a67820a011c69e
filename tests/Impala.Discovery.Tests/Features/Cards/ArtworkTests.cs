using System.Net;
using System.Xml.Linq;
using Impala.Discovery.Web.Features.Cards;
using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>The generated sleeves that stand in for pictures: valid, script-free SVG, the same for an entry every time.</summary>
public sealed class ArtworkTests(SiteFixture site)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>All a sleeve is made of: outlines and a title. No script, style, link or foreign content.</summary>
    private static readonly string[] AllowedElements = ["svg", "title", "path"];

    [Theory]
    [InlineData("/artwork/labels/ninja-tune.svg")]
    [InlineData("/artwork/associations/vtmo.svg")]
    [InlineData("/artwork/milestones/emi-and-warner-merger-stopped.svg")]
    [InlineData("/artwork/series/record-labels.svg")]
    public async Task Artwork_IsValidSvgWithNothingToRun(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal($"0 0 {Sleeve.Size} {Sleeve.Size}", (string?)svg.Attribute("viewBox"));
        Assert.NotEmpty(svg.Elements(Svg + "path"));
        Assert.All(svg.Descendants(), element => Assert.Contains(element.Name.LocalName, AllowedElements));
        Assert.DoesNotContain(svg.Descendants().Attributes(), attribute => attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal) || attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/artwork/labels/ninja-tune")]
    [InlineData("/artwork/series/record-labels")]
    public async Task ListRaster_IsTheSameSleeveAsAWebp_SharpAtThreeTimesACardsSize(string path)
    {
        var svg = XDocument.Parse(await site.Client.GetStringAsync(path + ".svg", TestContext.Current.CancellationToken)).Root!;
        using var response = await site.Client.GetAsync(path + ".webp", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        using var raster = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Sleeve.ListPixels, raster.Width);
        Assert.Equal(Sleeve.ListPixels, raster.Height);
        // The first outline is the ground the name is set on: the raster's lower corner has its colour (give or take
        // the lossy encoding), so it is this drawing, scaled, and not an empty or other picture.
        var ground = SKColor.Parse((string)svg.Element(Svg + "path")!.Attribute("fill")!);
        var corner = raster.GetPixel(2, raster.Height - 3);
        Assert.InRange(Math.Abs(corner.Red - ground.Red) + Math.Abs(corner.Green - ground.Green) + Math.Abs(corner.Blue - ground.Blue), 0, 24);
    }

    [Fact]
    public void Sleeve_IsTheSameBytesEachTimeItIsDrawn()
    {
        var subject = new SleeveSubject("/labels/ninja-tune", "Ninja Tune", SKColor.Parse("#c2410c"), "GB", "Label · 1990");

        Assert.Equal(Sleeve.Draw(subject).ToSvg(), Sleeve.Draw(subject).ToSvg());
    }

    [Fact]
    public async Task Artwork_DiffersBetweenEntries()
    {
        var ninjaTune = await site.Client.GetStringAsync("/artwork/labels/ninja-tune.svg", TestContext.Current.CancellationToken);
        var pias = await site.Client.GetStringAsync("/artwork/labels/pias.svg", TestContext.Current.CancellationToken);

        Assert.NotEqual(ninjaTune, pias);
    }

    [Theory]
    [InlineData("/artwork/labels.svg")]
    [InlineData("/artwork/home.svg")]
    [InlineData("/artwork/labels/no-such-label.svg")]
    [InlineData("/artwork/series/no-such-article.svg")]
    [InlineData("/artwork/labels/ninja-tune.png")]
    [InlineData("/artwork/home.webp")]
    [InlineData("/artwork/labels/no-such-label.webp")]
    public async Task PathWithNoArtwork_Is404(string path)
    {
        await site.GetPageAsync(path, expectedStatus: 404);
    }

    [Fact]
    public async Task EntryCards_WithoutAPicture_ShowTheSleeveAsADecorativeLazyImage()
    {
        var page = await site.GetPageAsync("/labels");

        // Cobalt Music has an editor's picture in the fixture (see PicturePagesTests); every other label has its sleeve.
        var images = page.QuerySelectorAll(".card img").Where(image => image.Closest("a")?.GetAttribute("href") != "/labels/cobalt-music").ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image =>
        {
            // The raster, which the browser decodes off the main thread (an SVG image is a document of its own to lay out).
            Assert.Matches("^/artwork/labels/[a-z0-9-]+\\.webp\\?v=", image.GetAttribute("src"));
            Assert.Equal("", image.GetAttribute("alt"));
            Assert.Equal("lazy", image.GetAttribute("loading"));
            Assert.Equal(Sleeve.ListPixels.ToString(System.Globalization.CultureInfo.InvariantCulture), image.GetAttribute("width"));
            Assert.Equal(Sleeve.ListPixels.ToString(System.Globalization.CultureInfo.InvariantCulture), image.GetAttribute("height"));
        });
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "/artwork/labels/ninja-tune.svg")]
    [InlineData("/series/record-labels", "/artwork/series/record-labels.svg")]
    public async Task EntryAndArticlePages_OpenWithTheirArtwork(string path, string artwork)
    {
        var page = await site.GetPageAsync(path);

        Assert.StartsWith(artwork + "?v=", page.QuerySelector("main header img")?.GetAttribute("src"));
    }
}
