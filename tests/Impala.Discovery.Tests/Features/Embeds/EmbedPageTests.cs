using System.Net;

namespace Impala.Discovery.Tests.Features.Embeds;

/// <summary>The cards other sites frame, and the headers that let them, and only them, be framed.</summary>
public sealed class EmbedPageTests(SiteFixture site)
{
    private const string Site = "http://localhost";

    [Fact]
    public async Task EntryEmbed_IsASmallCardLinkingToTheFullPageInANewTab()
    {
        var card = await site.GetPageAsync("/embed/labels/ninja-tune");

        Assert.Equal("Ninja Tune", card.QuerySelector("h1")!.TextContent);
        Assert.Contains("Label", card.Texts(".kind-badge"));
        Assert.Equal(["London, United Kingdom · 1990"], card.Texts(".caption"));
        var link = Assert.Single(card.QuerySelectorAll("a"));
        Assert.Equal($"{Site}/labels/ninja-tune", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel")!.Split(' '));
        Assert.Equal("Read more on Impala Discovery about Ninja Tune (opens in a new tab)", link.TextContent);
        Assert.Equal($"{Site}/labels/ninja-tune", card.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("noindex", card.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Empty(card.QuerySelectorAll("script"));
        Assert.Empty(card.QuerySelectorAll("header, nav, footer, form"));
    }

    [Fact]
    public async Task ArticleEmbed_ShowsTheArticlesTitleHowManyEntriesAndWhen()
    {
        var card = await site.GetPageAsync("/embed/series/record-labels");

        Assert.Equal("Twenty iconic European independent record labels", card.QuerySelector("h1")!.TextContent);
        Assert.Equal(["20 labels · 1 March 2021"], card.Texts(".caption"));
        Assert.Equal($"{Site}/series/record-labels", card.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/embed/labels/ninja-tune", "/artwork/labels/ninja-tune.svg")]
    [InlineData("/embed/series/record-labels", "/artwork/series/record-labels.svg")]
    public async Task EmbedWithoutAPicture_ShowsTheSleeveOrTheArticlesCover(string path, string artwork)
    {
        var card = await site.GetPageAsync(path);

        var art = Assert.Single(card.QuerySelectorAll("img.embed-art"));
        Assert.StartsWith(artwork + "?v=", art.GetAttribute("src"));
        Assert.Equal("", art.GetAttribute("alt"));
        using var drawn = await site.Client.GetAsync(artwork, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
    }

    [Fact]
    public async Task EmbedOfAnEntryWithAPicture_ShowsTheEditorsPictureWithItsText()
    {
        var card = await site.GetPageAsync("/embed/venues/a38");

        var art = Assert.Single(card.QuerySelectorAll("img.embed-art"));
        Assert.StartsWith("/pictures/", art.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("A long dark hull with lit portholes on a river at sunset", art.GetAttribute("alt"));
        using var picture = await site.Client.GetAsync(art.GetAttribute("src"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
    }

    [Theory]
    [InlineData("", "theme-auto", "light dark")]
    [InlineData("?theme=auto", "theme-auto", "light dark")]
    [InlineData("?theme=light", "theme-light", "light")]
    [InlineData("?theme=dark", "theme-dark", "dark")]
    [InlineData("?theme=DARK", "theme-dark", "dark")]
    public async Task Theme_SetsTheColourSchemeOfTheCard_AutoFollowingTheHostByDefault(string query, string className, string scheme)
    {
        var card = await site.GetPageAsync("/embed/labels/ninja-tune" + query);

        Assert.Equal(className, card.DocumentElement.GetAttribute("class"));
        Assert.Equal(scheme, card.QuerySelector("meta[name=color-scheme]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/embed/labels/ninja-tune?theme=blue")]
    [InlineData("/embed/series/record-labels?theme=darkest")]
    public async Task ThemeThatNamesNone_IsABadRequest(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/embed/labels/no-such-label")]
    [InlineData("/embed/series/no-such-article")]
    [InlineData("/embed/nokind/ninja-tune")]
    [InlineData("/embed/venues/ninja-tune")]
    public async Task EmbedOfNothing_IsNotFound(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/embed/labels/ninja-tune")]
    [InlineData("/embed/venues/paradiso")]
    [InlineData("/embed/series/record-labels")]
    public async Task EmbedPages_MayBeFramedByAnySite(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors *", policy);
        Assert.DoesNotContain("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'none'", policy);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/series/record-labels")]
    [InlineData("/")]
    [InlineData("/embed")]
    [InlineData("/embed/")]
    [InlineData("/embedded/labels/ninja-tune")]
    [InlineData("/labels/embed")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task EveryOtherAnswer_StillRefusesToBeFramed(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }
}
