using System.Text;
using System.Xml.Linq;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Feeds;

/// <summary>The machine-readable side of the site: the Atom feed of articles, the sitemap and robots.txt.</summary>
public sealed class FeedsController(DiscoveryDbContext db, TimeProvider clock) : Controller
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGetOrHead(SitePaths.Feed)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.ArticleSummariesAsync(cancellationToken);
        var updated = articles.Count == 0 ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : articles.Max(article => article.Published);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{HomeController.SiteName}: IMPALA's discovery series"),
            new XElement(Atom + "subtitle", "Each month, twenty entries of one kind from Europe's independent music sector."),
            new XElement(Atom + "id", Absolute(SitePaths.Home)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", Absolute(SitePaths.Feed))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", Absolute(SitePaths.Series))),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", "IMPALA – Independent Music Companies Association")),
            articles.Select(article => new XElement(Atom + "entry",
                new XElement(Atom + "title", article.Title),
                new XElement(Atom + "id", Absolute(article.Path)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", Absolute(article.Path))),
                new XElement(Atom + "published", Timestamp(article.Published)),
                new XElement(Atom + "updated", Timestamp(article.Published)),
                new XElement(Atom + "summary", article.Summary))));
        return Xml(feed, "application/atom+xml");
    }

    [HttpGetOrHead(SitePaths.Sitemap)]
    public async Task<IActionResult> SitemapXml(CancellationToken cancellationToken)
    {
        // /search is left out: robots.txt asks crawlers not to index result pages.
        var paths = new List<string> { SitePaths.Home, SitePaths.Series, SitePaths.Countries, SitePaths.About };
        paths.AddRange((await db.KindSummariesAsync(cancellationToken)).Select(kind => SitePaths.Kind(kind.Key)));
        paths.AddRange((await db.Articles.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(cancellationToken)).Select(SitePaths.Article));
        paths.AddRange((await db.EntryCountries.Select(c => c.CountrySlug).Distinct().OrderBy(slug => slug).ToListAsync(cancellationToken)).Select(SitePaths.Country));
        paths.AddRange((await db.Entries.OrderBy(e => e.KindKey).ThenBy(e => e.Slug).Select(e => new { e.KindKey, e.Slug }).ToListAsync(cancellationToken)).Select(e => SitePaths.Entry(e.KindKey, e.Slug)));
        var sitemap = new XElement(Sitemap + "urlset", paths.Select(path => new XElement(Sitemap + "url", new XElement(Sitemap + "loc", Absolute(path)))));
        return Xml(sitemap, "application/xml");
    }

    [HttpGetOrHead(SitePaths.Robots)]
    public IActionResult Robots() =>
        Content($"User-agent: *\nAllow: /\nDisallow: {SitePaths.Search}\nSitemap: {Absolute(SitePaths.Sitemap)}\n", "text/plain", Encoding.UTF8);

    private string Absolute(string path) => SiteAddress.Absolute(HttpContext, path);

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", Formatting.Culture) + "T00:00:00Z";

    private ContentResult Xml(XElement root, string contentType) =>
        Content(new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root, contentType, Encoding.UTF8);
}
