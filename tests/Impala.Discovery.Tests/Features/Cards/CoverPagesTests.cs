using System.Net;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>Article covers where fans choose what to read: on every card of /series and on the home page's first screen.</summary>
public sealed class CoverPagesTests(SiteFixture site)
{
    [Fact]
    public async Task SeriesPage_ShowsEachArticlesCover()
    {
        var page = await site.GetPageAsync("/series");

        var cards = page.QuerySelectorAll(".article-card");
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var article = card.QuerySelector("h3 a")!.GetAttribute("href");
            var cover = Assert.Single(card.QuerySelectorAll("img.article-cover"));
            Assert.StartsWith($"/artwork{article}.webp?v=", cover.GetAttribute("src"));
            Assert.Equal("", cover.GetAttribute("alt"));
            using var drawn = await site.Client.GetAsync(cover.GetAttribute("src"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        }
    }

    [Fact]
    public async Task HomePage_ShowsTheLatestArticlesCoverFirst_WithoutWaitingForIt()
    {
        var page = await site.GetPageAsync("/");

        var latest = page.QuerySelector("#latest-heading a")!.GetAttribute("href");
        var cover = page.QuerySelector(".hero img")!;
        Assert.StartsWith($"/artwork{latest}.svg?v=", cover.GetAttribute("src"));
        Assert.Equal("high", cover.GetAttribute("fetchpriority"));
        Assert.Null(cover.GetAttribute("loading"));
        // Earlier articles show theirs on their cards.
        Assert.All(page.QuerySelectorAll(".article-card"), card => Assert.NotNull(card.QuerySelector("img.article-cover")));
    }
}
