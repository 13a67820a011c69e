namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>The site as a web of links, crawled from the home page: nothing broken, nothing buried, nothing orphaned.</summary>
public sealed class LinkCrawlTests(SiteCrawl crawl) : IClassFixture<SiteCrawl>
{
    private const int MaxClicks = 3;

    [Fact]
    public void Crawl_EveryInternalLinkAndStylesheetAnswers200()
    {
        Assert.False(crawl.StoppedAtMaxPages, $"The crawl stopped at {SiteCrawl.MaxPages} pages: links seem to generate addresses without end.");
        // site.css by the fingerprinted address the build gives it (/css/site.{hash}.css), kinds.css with its ?v=.
        Assert.Contains(crawl.Resources, resource => System.Text.RegularExpressions.Regex.IsMatch(resource, @"^/css/site\.[a-z0-9]+\.css$"));
        Assert.Contains("/css/kinds.css", crawl.Resources.Select(resource => resource.Split('?')[0]));
        Assert.Contains("/img/favicon.svg", crawl.Resources);
        Assert.True(crawl.Broken.Count == 0, $"{crawl.Broken.Count} broken link(s):\n{string.Join("\n", crawl.Broken)}");
    }

    [Fact]
    public void Crawl_EverySitemapPageIsWithinThreeClicksOfHome()
    {
        // The pages people and search engines should reach are the sitemap's: every combination of filters (country ×
        // decade × genre × order) is reachable too, but one filter at a time, as a refinement of a page within reach.
        var sitemap = crawl.SitemapPaths.ToHashSet(StringComparer.Ordinal);
        var deep = crawl.Depths.Where(page => sitemap.Contains(page.Key) && page.Value > MaxClicks).OrderBy(page => page.Value).Select(page => $"{page.Key} ({page.Value} clicks)").ToList();

        Assert.True(deep.Count == 0, $"{deep.Count} page(s) need more than {MaxClicks} clicks from /:\n{string.Join("\n", deep)}");
    }

    [Fact]
    public void Crawl_ReachesEveryPageInTheSitemap()
    {
        Assert.NotEmpty(crawl.SitemapPaths);
        var orphans = crawl.SitemapPaths.Where(path => !crawl.Depths.ContainsKey(path)).ToList();

        Assert.True(orphans.Count == 0, $"{orphans.Count} page(s) of /sitemap.xml cannot be reached by links from /:\n{string.Join("\n", orphans)}");
    }
}
