using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Impala.Discovery.Tests.Content;

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
    public async Task Feed_HoldsAYearOfArticles_TheNewest()
    {
        // Thirteen more monthly articles, 2022-01 to 2023-01, each with one entry of its own: seventeen in all.
        var content = TempFolder.CopyOf(FrozenContent.Path);
        for (var month = 1; month <= 13; month++)
        {
            var published = new DateOnly(2022, 1, 1).AddMonths(month - 1);
            var slug = $"feed-labels-{month}";
            File.WriteAllText(Path.Combine(content, "articles", $"{published:yyyy-MM}-{slug}.md"), ArticleText.With($"""
                ## Feed Label {month}

                - **Country:** Belgium
                - **Founded:** 1999
                """).Replace("title: Test labels", $"title: Feed labels {month}").Replace("published: 2021-04-01", $"published: {published:yyyy-MM-dd}"));
        }

        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync("/feed.xml", TestContext.Current.CancellationToken));

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(entry => entry.Element(atom + "title")!.Value).ToList();
        Assert.Equal(Enumerable.Range(2, 12).Reverse().Select(month => $"Feed labels {month}"), titles);
        Assert.Contains("Feed Label 13", feed.Root.Elements(atom + "entry").First().Element(atom + "content")!.Value);
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
        Assert.Equal(80, paths.Count(path => path.Split('/').Length == 3 && !path.StartsWith("/series/", StringComparison.Ordinal) && !path.StartsWith("/countries/", StringComparison.Ordinal)
            && !path.StartsWith("/artists/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Feed_CarriesEachArticlesWholeTextWithAbsoluteLinks()
    {
        var (_, feed) = await GetXmlAsync("/feed.xml");

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(entry => entry.Element(atom + "title")!.Value == "Twenty iconic European independent record labels");
        var content = entry.Element(atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        var html = await Html.ParseAsync(content.Value);
        var headings = html.QuerySelectorAll("h2").Select(heading => heading.TextContent).ToList();
        Assert.Equal(20, headings.Count);
        Assert.Equal("1. Cobalt Music", headings[0]);
        Assert.Contains("the foremost independent record label in Greece", content.Value);
        Assert.Contains("Athens, Greece", html.QuerySelector("h2 + p")!.TextContent);
        Assert.All(html.QuerySelectorAll("a[href]").Select(link => link.GetAttribute("href")!), href => Assert.StartsWith("http", href));
        Assert.Contains(html.QuerySelectorAll("h2 a").Select(link => new Uri(link.GetAttribute("href")!).AbsolutePath), path => path == "/labels/ninja-tune");
    }

    [Fact]
    public async Task Feed_IsReadByAnAtomReader_WithHtmlContentOnEveryArticle()
    {
        var text = await site.Client.GetStringAsync("/feed.xml", TestContext.Current.CancellationToken);

        using var reader = XmlReader.Create(new StringReader(text));
        var feed = SyndicationFeed.Load(reader);

        Assert.Equal(4, feed.Items.Count());
        Assert.All(feed.Items, item => Assert.Equal("html", Assert.IsType<TextSyndicationContent>(item.Content).Type));
    }

    [Fact]
    public async Task Feed_LinksInsideTheProseAreAbsolute()
    {
        var (_, feed) = await GetXmlAsync("/feed.xml");

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var milestones = feed.Root!.Elements(atom + "entry").Single(entry => new Uri(entry.Element(atom + "id")!.Value).AbsolutePath == "/series/impala-milestones");
        var html = await Html.ParseAsync(milestones.Element(atom + "content")!.Value);

        var runda = html.QuerySelectorAll("a").Single(link => link.TextContent == "RUNDA").GetAttribute("href")!;
        Assert.True(Uri.IsWellFormedUriString(runda, UriKind.Absolute), runda);
        Assert.Equal("/associations/runda", new Uri(runda).AbsolutePath);
    }

    [Fact]
    public async Task Sitemap_GivesEveryPageAnIsoLastmodFromItsContent()
    {
        var (_, sitemap) = await GetXmlAsync("/sitemap.xml");

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var lastmods = sitemap.Root!.Elements(ns + "url").ToDictionary(
            url => new Uri(url.Element(ns + "loc")!.Value).AbsolutePath,
            url => DateOnly.ParseExact(url.Element(ns + "lastmod")!.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2021, 3, 1), lastmods["/series/record-labels"]);
        Assert.Equal(new DateOnly(2021, 3, 1), lastmods["/labels/ninja-tune"]);
        Assert.Equal(new DateOnly(2021, 3, 1), lastmods["/labels"]);
        Assert.Equal(new DateOnly(2021, 3, 1), lastmods["/"]);
        Assert.Equal(new DateOnly(2021, 2, 1), lastmods["/venues"]);
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
