using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>The 1200×630 PNG a link preview shows, for every page template of the frozen fixture.</summary>
public sealed class SocialCardTests(SiteFixture site)
{
    [Theory]
    [InlineData("/cards/home.png")]
    [InlineData("/cards/about.png")]
    [InlineData("/cards/series.png")]
    [InlineData("/cards/series/record-labels.png")]
    [InlineData("/cards/labels.png")]
    [InlineData("/cards/milestones.png")]
    [InlineData("/cards/labels/ninja-tune.png")]
    [InlineData("/cards/associations/vtmo.png")]
    [InlineData("/cards/countries.png")]
    [InlineData("/cards/countries/denmark.png")]
    [InlineData("/cards/search.png")]
    public async Task Card_IsA1200By630Png(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(bitmap);
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(630, bitmap.Height);
    }

    [Fact]
    public async Task Cards_DifferFromEntryToEntry()
    {
        using var ninjaTune = await DecodeAsync("/cards/labels/ninja-tune.png");
        using var pias = await DecodeAsync("/cards/labels/pias.png");

        Assert.True(CardPixels.ShareOfDifferentPixels(ninjaTune, pias) > 0.1, "two entries' cards should not look alike");
    }

    [Theory]
    [InlineData("/cards/labels/no-such-label.png")]
    [InlineData("/cards/no-such-kind.png")]
    [InlineData("/cards/series/no-such-article.png")]
    [InlineData("/cards/countries/atlantis.png")]
    [InlineData("/cards/labels/ninja-tune.gif")]
    [InlineData("/cards/labels/ninja-tune/more.png")]
    public async Task PathWithNoPage_IsTheSites404Page(string path)
    {
        var page = await site.GetPageAsync(path, expectedStatus: 404);

        Assert.NotNull(page.QuerySelector("main h1"));
    }

    [Fact]
    public async Task Card_IsKeptUntilTheNextImportChangesIt()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var before = await client.GetByteArrayAsync("/cards/labels/ninja-tune.png", TestContext.Current.CancellationToken);
        var path = Path.Combine(content, "articles", "2021-03-record-labels.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("- **City:** London", "- **City:** Brixton", StringComparison.Ordinal));

        Assert.Equal(before, await client.GetByteArrayAsync("/cards/labels/ninja-tune.png", TestContext.Current.CancellationToken));
        await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);
        var after = await client.GetByteArrayAsync("/cards/labels/ninja-tune.png", TestContext.Current.CancellationToken);

        Assert.NotEqual(before, after);
    }

    private async Task<SKBitmap> DecodeAsync(string path) =>
        SKBitmap.Decode(await site.Client.GetByteArrayAsync(path, TestContext.Current.CancellationToken));
}
