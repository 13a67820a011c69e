using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// Editors' pages: what became of every content file in the last import (so an editor sees why an article is missing
/// without a server log), and a preview of a draft or scheduled article. They show drafts, so they are not public:
/// see <see cref="EditorsGate"/>; anyone else gets the ordinary 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(NoStore = true)]
public sealed class ContentStatusController(ContentImporter importer) : Controller
{
    [HttpGetOrHead(SitePaths.ContentStatus)]
    public IActionResult Index()
    {
        if (!EditorsGate.MayOpen(HttpContext))
        {
            return NotFound();
        }

        KeepPrivate();
        var meta = new PageMeta($"Content status · {HomeController.SiteName}", "What became of every content file in the last import.", CanonicalPath: null);
        return View(new ContentStatusViewModel(meta, importer.LastReport));
    }

    /// <summary>A draft or scheduled article exactly as its page will look, under a "not public" banner.</summary>
    [HttpGetOrHead(SitePaths.PreviewRoute)]
    public IActionResult Preview(string slug)
    {
        if (!EditorsGate.MayOpen(HttpContext) || importer.FindUnpublished(slug) is not var (article, kind))
        {
            return NotFound();
        }

        KeepPrivate();
        var summary = new ArticleSummary(article.Slug, article.Title, article.Summary, article.Published, kind.Key, kind.Plural, kind.Colour, article.Entries.Count);
        var entries = article.Entries.Select(entry => new ArticleEntryView(entry.Rank, Card(entry, kind) with { Picture = Picture(entry.Picture) }, entry.BodyHtml)).ToList();
        var meta = new PageMeta($"Preview: {article.Title} · {HomeController.SiteName}", article.Summary, CanonicalPath: null);
        return View(new ArticleViewModel(meta, summary, article.IntroHtml, entries, null, null) { Preview = article.Draft ? "Draft" : $"Scheduled for {article.Published:yyyy-MM-dd}", Picture = Picture(article.Picture) });
    }

    /// <summary>The picture as it will be shown: its renditions were made when the import checked it.</summary>
    private PictureView? Picture(PictureReference? reference) =>
        importer.LastChecked(reference) is { } picture ? new(picture.Hash, picture.Width, picture.Height, reference!.Alt, reference.Credit) : null;

    private static EntryCard Card(ParsedEntry entry, KindDefinition kind)
    {
        var year = entry.Facts.FirstOrDefault(fact => fact.Definition == kind.YearFact)?.Values[0];
        var countries = entry.Facts.Where(fact => fact.Definition.Type is FactType.Country or FactType.Countries)
            .SelectMany(fact => fact.Values).Select(name => KnownCountries.Find(name)?.Name ?? name).ToList();
        return new EntryCard(entry.Name, kind.Key, kind.Singular, entry.Slug, FactText.Caption(kind, entry.Facts),
            year is null ? null : FactValueParser.ReadYear(year), year, countries);
    }

    private void KeepPrivate()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
