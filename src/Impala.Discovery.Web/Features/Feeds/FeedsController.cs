using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Feeds;

/// <summary>The machine-readable side of the site: the Atom feed of articles, the sitemap and robots.txt.</summary>
public sealed partial class FeedsController(DiscoveryDbContext db, TimeProvider clock) : Controller
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// A year of the monthly series: a feed reader wants what is new, and the whole archive (8.5 MB of HTML at 500
    /// articles) made every request for the feed cost more memory and time than all other pages together.
    /// </summary>
    public const int FeedArticles = 12;

    /// <summary>
    /// The Atom feed of the newest articles, each with its whole text as HTML (intro, then every entry with its name
    /// linking to its page, its caption and its prose), so that a feed reader shows the article without a visit. Links
    /// inside are made absolute: a reader has no base address to resolve "/labels/ninja-tune" against.
    /// </summary>
    [HttpGetOrHead(SitePaths.Feed)]
    [ResponseCache(Duration = 900)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.NewestFirst().Take(FeedArticles).ArticleSummariesAsync(cancellationToken);
        var slugs = articles.Select(article => article.Slug).ToList();
        var intros = await db.Articles.AsNoTracking().Where(article => slugs.Contains(article.Slug))
            .ToDictionaryAsync(article => article.Slug, article => article.IntroHtml, cancellationToken);
        var entries = (await db.Entries.AsNoTracking()
            .Where(entry => slugs.Contains(entry.Article.Slug))
            .OrderBy(entry => entry.Rank)
            .Select(entry => new { ArticleSlug = entry.Article.Slug, entry.KindKey, entry.Slug, entry.Name, entry.Rank, entry.Caption, entry.BodyHtml })
            .ToListAsync(cancellationToken))
            .ToLookup(entry => entry.ArticleSlug);
        var updated = articles.Count == 0 ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : articles.Max(article => article.Published);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{HomeController.SiteName}: IMPALA's discovery series"),
            new XElement(Atom + "subtitle", "Each month, twenty entries of one kind from Europe's independent music sector."),
            new XElement(Atom + "id", Absolute(SitePaths.Home)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", Absolute(SitePaths.Feed))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", Absolute(SitePaths.Series))),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "IMPALA – Independent Music Companies Association")),
            articles.Select(article =>
            {
                var html = new StringBuilder(intros.GetValueOrDefault(article.Slug, ""));
                foreach (var entry in entries[article.Slug])
                {
                    html.Append(CultureInfo.InvariantCulture, $"\n<h2>{entry.Rank}. <a href=\"{Absolute(SitePaths.Entry(entry.KindKey, entry.Slug))}\">{WebUtility.HtmlEncode(entry.Name)}</a></h2>\n");
                    if (entry.Caption.Length > 0)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<p><em>{WebUtility.HtmlEncode(entry.Caption)}</em></p>\n");
                    }

                    html.Append(entry.BodyHtml);
                }

                return new XElement(Atom + "entry",
                    new XElement(Atom + "title", article.Title),
                    new XElement(Atom + "id", Absolute(article.Path)),
                    new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", Absolute(article.Path))),
                    new XElement(Atom + "published", Timestamp(article.Published)),
                    new XElement(Atom + "updated", Timestamp(article.Published)),
                    new XElement(Atom + "summary", article.Summary),
                    new XElement(Atom + "content", new XAttribute("type", "html"), WithAbsoluteLinks(html.ToString())));
            }));
        return Xml(feed, "application/atom+xml");
    }

    /// <summary>
    /// Every page with its &lt;lastmod&gt;: an article's is its publication date, an entry's its article's, an index's the
    /// newest article it shows. Dates from the content, not import times: every instance gives the same sitemap, and a
    /// rebuilt store does not tell crawlers that everything changed. (A correction after publication changes the
    /// page's ETag, not its lastmod.)
    /// </summary>
    [HttpGetOrHead(SitePaths.Sitemap)]
    [ResponseCache(Duration = 3600)]
    public async Task<IActionResult> SitemapXml(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Slug).Select(a => new { a.Slug, a.KindKey, a.Published }).ToListAsync(cancellationToken);
        var latest = articles.Count == 0 ? (DateOnly?)null : articles.Max(article => article.Published);
        var kinds = (await db.KindSummariesAsync(cancellationToken)).Select(kind => kind.Key);
        var countries = await db.EntryCountries.GroupBy(c => c.CountrySlug).OrderBy(g => g.Key)
            .Select(g => new { Slug = g.Key, Published = g.Max(c => c.Entry.Article.Published) }).ToListAsync(cancellationToken);
        var entries = await db.Entries.OrderBy(e => e.KindKey).ThenBy(e => e.Slug).Select(e => new { e.KindKey, e.Slug, e.Article.Published }).ToListAsync(cancellationToken);
        var artists = await db.EntryArtists.GroupBy(a => a.ArtistSlug).OrderBy(g => g.Key)
            .Select(g => new { Slug = g.Key, Published = g.Max(a => a.Entry.Article.Published) }).ToListAsync(cancellationToken);

        // /search is left out: robots.txt asks crawlers not to index result pages.
        var pages = new List<(string Path, DateOnly? LastModified)>
        {
            (SitePaths.Home, latest), (SitePaths.Series, latest), (SitePaths.Countries, latest), (SitePaths.About, latest),
        };
        pages.AddRange(kinds.Select(kind => (SitePaths.Kind(kind), articles.Where(a => a.KindKey == kind).Select(a => (DateOnly?)a.Published).Max())));
        pages.AddRange(articles.Select(a => (SitePaths.Article(a.Slug), (DateOnly?)a.Published)));
        pages.AddRange(countries.Select(c => (SitePaths.Country(c.Slug), (DateOnly?)c.Published)));
        pages.AddRange(entries.Select(e => (SitePaths.Entry(e.KindKey, e.Slug), (DateOnly?)e.Published)));
        if (artists.Count > 0)
        {
            // The artists' index is paged; its first page leads to the rest, as every artist's own page is listed here.
            pages.Add((SitePaths.Artists, artists.Max(a => a.Published)));
            pages.AddRange(artists.Select(a => (SitePaths.Artist(a.Slug), (DateOnly?)a.Published)));
        }
        var sitemap = new XElement(Sitemap + "urlset", pages.Select(page => new XElement(Sitemap + "url",
            new XElement(Sitemap + "loc", Absolute(page.Path)),
            page.LastModified is { } date ? new XElement(Sitemap + "lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null)));
        return Xml(sitemap, "application/xml");
    }

    [HttpGetOrHead(SitePaths.Robots)]
    [ResponseCache(Duration = 86400)]
    public IActionResult Robots() =>
        Content($"User-agent: *\nAllow: /\nDisallow: {SitePaths.Search}\nSitemap: {Absolute(SitePaths.Sitemap)}\n", "text/plain", Encoding.UTF8);

    private string Absolute(string path) => SiteAddress.Absolute(HttpContext, path);

    // The HTML comes from the one Markdig pipeline with raw HTML off, so every link is written as href="…" or src="…".
    private string WithAbsoluteLinks(string html) => SitePathAttribute().Replace(html, match => match.Groups[1].Value + "=\"" + Absolute("/"));

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", Formatting.Culture) + "T00:00:00Z";

    private ContentResult Xml(XElement root, string contentType) =>
        Content(new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root, contentType, Encoding.UTF8);

    // A site path: "/" and not "//" (another host).
    [GeneratedRegex("""(href|src)="/(?!/)""")]
    private static partial Regex SitePathAttribute();
}
