namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>A kind of 65 entries pages at 60: links in the head and on the page, one canonical address per page.</summary>
public sealed class KindIndexPagingTests(LargeKindSite site) : IClassFixture<LargeKindSite>
{
    [Fact]
    public async Task FirstPage_Shows60_AndPointsToTheNext()
    {
        var page = await site.GetPageAsync("/labels");

        Assert.Equal(60, page.QuerySelectorAll(".card").Length);
        Assert.Equal("/labels?page=2", page.QuerySelector("link[rel=next]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("link[rel=prev]"));
        Assert.EndsWith("/labels", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/labels?page=2", page.QuerySelector(".pages a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("1–60 of 65 labels", page.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task SecondPage_ShowsTheRest_AndPointsBackToThePageWithoutAPageKey()
    {
        var page = await site.GetPageAsync("/labels?page=2");

        Assert.Equal(["Startracks", "Subterfuge", "Sugar Music", "Supraphon", "Wagram Music"], page.Texts(".card-name"));
        Assert.Equal("/labels", page.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("link[rel=next]"));
        Assert.EndsWith("/labels?page=2", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("2", page.QuerySelector(".page-numbers a[aria-current=page]")!.TextContent);
    }

    [Fact]
    public async Task PageOne_AskedForByNumber_HasTheAddressWithoutAPageKeyAsCanonical()
    {
        var page = await site.GetPageAsync("/labels?page=1");

        Assert.EndsWith("/labels", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PagePastTheLast_Is404()
    {
        await site.GetPageAsync("/labels?page=3", 404);
    }

    [Fact]
    public async Task Paging_KeepsFiltersAndOrder()
    {
        var page = await site.GetPageAsync("/labels?genre=jazz&sort=year");

        Assert.Equal(47, int.Parse(page.QuerySelectorAll(".chips a[aria-current=true][href*='genre=jazz'] .count").Single().TextContent));
        Assert.Null(page.QuerySelector("link[rel=next]"));
        var byYear = await site.GetPageAsync("/labels?sort=year&page=2");
        Assert.Equal("/labels?sort=year", byYear.QuerySelector("link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Irascible", byYear.Texts(".card-name")[^1]);
    }
}
