using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>What link previews read from every page's head: its card, its own title, its description, its date.</summary>
public sealed class ShareMetaTests(SiteFixture site)
{
    [Theory]
    [InlineData("/", "/cards/home.png")]
    [InlineData("/about", "/cards/about.png")]
    [InlineData("/series", "/cards/series.png")]
    [InlineData("/series/record-labels", "/cards/series/record-labels.png")]
    [InlineData("/labels", "/cards/labels.png")]
    [InlineData("/labels?country=denmark", "/cards/labels.png")]
    [InlineData("/labels/ninja-tune", "/cards/labels/ninja-tune.png")]
    [InlineData("/countries", "/cards/countries.png")]
    [InlineData("/countries/denmark", "/cards/countries/denmark.png")]
    [InlineData("/search", "/cards/search.png")]
    [InlineData("/search?q=tune", "/cards/search.png")]
    public async Task EveryPage_PointsToItsOwnCardByAnAbsoluteAddress(string path, string card)
    {
        var page = await site.GetPageAsync(path);

        var image = Meta(page, "og:image");
        Assert.True(Uri.TryCreate(image, UriKind.Absolute, out var address), $"og:image {image} is not absolute");
        Assert.Equal(card, address.AbsolutePath);
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("630", Meta(page, "og:image:height"));
        Assert.False(string.IsNullOrWhiteSpace(Meta(page, "og:image:alt")));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        Assert.DoesNotContain(" · ", Meta(page, "og:title"));
        using var response = await site.Client.GetAsync(address.PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ErrorPage_StillHasACard()
    {
        var page = await site.GetPageAsync("/no-such-page", expectedStatus: 404);

        Assert.EndsWith("/cards/home.png", Meta(page, "og:image"));
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "Ninja Tune")]
    [InlineData("/countries/denmark", "Denmark")]
    [InlineData("/series/record-labels", "Twenty iconic European independent record labels")]
    public async Task OpenGraphTitle_IsThePagesOwnWithoutTheSiteName(string path, string title)
    {
        var page = await site.GetPageAsync(path);

        Assert.Equal(title, Meta(page, "og:title"));
    }

    [Theory]
    [InlineData("/series/record-labels", "2021-03-01")]
    [InlineData("/labels/ninja-tune", "2021-03-01")]
    [InlineData("/venues/paradiso", "2021-02-01")]
    public async Task ArticlesAndTheirEntries_CarryThePublicationDate(string path, string date)
    {
        var page = await site.GetPageAsync(path);

        Assert.Equal(date, Meta(page, "article:published_time"));
    }

    [Fact]
    public async Task IndexPages_CarryNoPublicationDate()
    {
        var page = await site.GetPageAsync("/labels");

        Assert.Null(page.QuerySelector("meta[property='article:published_time']"));
    }

    [Fact]
    public async Task EntryDescription_IsTheFirstSentenceOfItsProse()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");
        var prose = page.QuerySelector(".entry .prose")!.TextContent.Trim();

        var description = page.QuerySelector("meta[name='description']")?.GetAttribute("content");

        Assert.Equal("Matt Black and the artist Jonathan Moore, together known as Coldcut, launched Ninja Tune in London in 1990.", description);
        Assert.StartsWith(description, prose);
        Assert.Equal(description, Meta(page, "og:description"));
    }

    private static string? Meta(IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}
