using System.Xml.Linq;

namespace Impala.Discovery.Tests.Features;

public sealed class FeedsTests(SiteFixture site)
{
    private async Task<(string ContentType, XDocument Xml)> GetXmlAsync(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.Content.Headers.ContentType!.MediaType!, XDocument.Parse(text));
    }

    [Fact]
    public async Task Feed_IsAtomWithEveryArticleNewestFirst()
    {
        var (contentType, feed) = await GetXmlAsync("/feed.xml");

        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("application/atom+xml", contentType);
        var titles = feed.Root!.Elements(atom + "entry").Select(entry => entry.Element(atom + "title")!.Value).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Equal("Twenty iconic European independent record labels", titles[0]);
        Assert.All(feed.Root.Elements(atom + "entry"), entry => Assert.StartsWith("http", entry.Element(atom + "id")!.Value));
    }

    [Fact]
    public async Task Sitemap_ListsEveryEntryArticleAndCountry()
    {
        var (_, sitemap) = await GetXmlAsync("/sitemap.xml");

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var paths = sitemap.Root!.Elements(ns + "url").Select(url => new Uri(url.Element(ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/labels/ninja-tune", paths);
        Assert.Contains("/series/impala-milestones", paths);
        Assert.Contains("/countries/north-macedonia", paths);
        Assert.Equal(80, paths.Count(path => path.Split('/').Length == 3 && !path.StartsWith("/series/", StringComparison.Ordinal) && !path.StartsWith("/countries/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Robots_PointsAtTheSitemap()
    {
        var robots = await site.Client.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);

        Assert.Contains("Sitemap: http", robots);
        Assert.Contains("/sitemap.xml", robots);
    }

    [Fact]
    public async Task EntryPage_HasLinkPreviewMetadata()
    {
        var page = await site.GetPageAsync("/venues/loppen");

        Assert.Equal("Loppen", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.EndsWith("/venues/loppen", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Contains("Copenhagen", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
    }
}
