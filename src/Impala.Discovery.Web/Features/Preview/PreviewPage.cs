using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Preview;

/// <summary>
/// Builds the preview page from what the parser made of a draft, for the site's own article template. The draft's own
/// entries and its own address have no page yet: links to them lead to the entry's place in the preview instead.
/// </summary>
public static class PreviewPage
{
    public static PreviewViewModel From(PreviewOutcome outcome)
    {
        var title = outcome.Article?.Title is { Length: > 0 } named ? named : outcome.Draft.Path;
        var meta = new PageMeta($"Preview: {title} · {HomeController.SiteName}", outcome.Article?.Summary ?? "", CanonicalPath: null);
        if (outcome.Article is not { } article || outcome.Kind is not { } kind)
        {
            return new PreviewViewModel(meta, outcome.Draft.Path, outcome.Problems, null);
        }

        var anchors = OwnAddresses(article);
        var summary = new ArticleSummary(article.Slug, article.Title, article.Summary, article.Published, kind.Key, kind.Plural, kind.Colour, article.Entries.Count);
        var entries = article.Entries
            .Select(entry => new ArticleEntryView(entry.Rank, Card(entry, kind) with { Picture = Picture(outcome, entry.Picture) }, ToAnchors(entry.BodyHtml, anchors)))
            .ToList();
        var banner = outcome.State switch
        {
            FileState.Published => "Preview",
            FileState.Scheduled => $"Scheduled for {article.Published:yyyy-MM-dd}",
            FileState.Refused => outcome.Errors == 1 ? "1 error" : $"{outcome.Errors} errors",
            _ => "Draft",
        };
        var view = new ArticleViewModel(meta, summary, ToAnchors(article.IntroHtml, anchors), entries, null, null)
        {
            Preview = banner,
            Picture = Picture(outcome, article.Picture),
        };
        return new PreviewViewModel(meta, outcome.Draft.Path, outcome.Problems, view);
    }

    /// <summary>Every address of the article and its entries (former ones included), with the place in the preview that stands for it.</summary>
    private static Dictionary<string, string> OwnAddresses(ParsedArticle article)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in article.Paths)
        {
            anchors[path] = "#main";
        }

        foreach (var entry in article.Entries)
        {
            foreach (var path in entry.PathsIn(article.Kind))
            {
                anchors[path] = "#" + entry.Slug;
            }
        }

        return anchors;
    }

    // The renderer writes every link as href="…" with the URL as written (see MarkdownRenderer), so the draft's own
    // addresses are found as whole attribute values, with or without a trailing slash or a fragment.
    private static string ToAnchors(string html, Dictionary<string, string> anchors)
    {
        foreach (var (path, anchor) in anchors)
        {
            html = html.Replace($"href=\"{path}\"", $"href=\"{anchor}\"", StringComparison.Ordinal)
                .Replace($"href=\"{path}/\"", $"href=\"{anchor}\"", StringComparison.Ordinal)
                .Replace($"href=\"{path}#", "href=\"#", StringComparison.Ordinal);
        }

        return html;
    }

    private static PictureView? Picture(PreviewOutcome outcome, PictureReference? reference) =>
        reference is not null && outcome.Pictures.TryGetValue(reference.File, out var picture)
            ? new(picture.Hash, picture.Width, picture.Height, reference.Alt, reference.Credit)
            : null;

    private static EntryCard Card(ParsedEntry entry, KindDefinition kind)
    {
        var year = entry.Facts.FirstOrDefault(fact => fact.Definition == kind.YearFact)?.Values[0];
        var countries = entry.Facts.Where(fact => fact.Definition.Type is FactType.Country or FactType.Countries)
            .SelectMany(fact => fact.Values).Select(name => KnownCountries.Find(name)?.Name ?? name).ToList();
        return new EntryCard(entry.Name, kind.Key, kind.Singular, entry.Slug, FactText.Text(FactText.Caption(kind, entry.Facts)),
            year is null ? null : FactValueParser.ReadYear(year), year, countries);
    }
}
