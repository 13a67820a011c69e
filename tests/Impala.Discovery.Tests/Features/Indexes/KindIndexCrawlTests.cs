namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// Filters, sorts and pages multiply a kind index into thousands of pages. Search engines may follow them all, but
/// list only the kind and its single-filter pages ("Labels in France"): the landing pages people search for.
/// </summary>
public sealed class KindIndexCrawlTests(SiteFixture site)
{
    [Theory]
    [InlineData("/labels")]
    [InlineData("/labels?country=france")]
    [InlineData("/labels?decade=1990s")]
    [InlineData("/labels?genre=jazz")]
    [InlineData("/milestones")] // a timeline: year order is the kind's own
    public async Task KindOrSingleFilterPage_IsListedInSearchResults(string path)
    {
        var page = await site.GetPageAsync(path);

        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.EndsWith(path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/labels?country=austria&genre=classical-music")]
    [InlineData("/labels?country=denmark&decade=1990s")]
    [InlineData("/labels?country=austria&decade=1950s&genre=classical-music")]
    [InlineData("/labels?sort=year")]
    [InlineData("/labels?country=france&sort=year")]
    [InlineData("/milestones?sort=name")]
    public async Task CombinedFiltersOrAnotherOrder_AreFollowedButNotListed_AndKeepTheirCanonical(string path)
    {
        var page = await site.GetPageAsync(path);

        Assert.Equal("noindex, follow", Assert.Single(page.QuerySelectorAll("meta[name=robots]")).GetAttribute("content"));
        Assert.EndsWith(path, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
    }
}
