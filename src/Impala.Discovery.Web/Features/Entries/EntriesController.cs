using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>The pages of every kind: /{kind} and /{kind}/{slug}. Kinds are data, so one controller serves them all.</summary>
public sealed class EntriesController(DiscoveryDbContext db) : Controller
{
    private const string SegmentPattern = "regex(^[[a-z0-9]][[a-z0-9-]]{{0,80}}$)";

    [HttpGetOrHead("/{kind:" + SegmentPattern + "}")]
    public async Task<IActionResult> Index(string kind, string? country, string? decade, string? genre, string? sort, string? page, CancellationToken cancellationToken)
    {
        if (!KindIndexSelection.TryParse(country, decade, genre, sort, page, out var selection))
        {
            return BadRequest();
        }

        var query = new KindIndexQuery(db);
        var result = await query.RunAsync(kind, selection, cancellationToken);
        if (result is null)
        {
            return selection.IsFiltered || selection.Page > 1
                ? await this.GoneOrNotFoundAsync(db, PageAddress.KindIndex(kind), cancellationToken)
                : await this.FormerAddressAsync(db, PageAddress.KindIndex(kind), cancellationToken);
        }

        var summary = result.Kind;
        // "Jazz labels in Denmark from the 1990s"
        var place = new[]
        {
            result.Country is null ? null : $"in {KnownCountries.InRunningText(result.Country.Name)}",
            selection.Decade is null ? null : $"from the {KindIndexSelection.DecadeValue(selection.Decade.Value)}",
        }.Where(part => part is not null);
        var heading = string.Join(" ", place.Prepend(result.SelectedGenre is null ? summary.Plural : $"{result.SelectedGenre.Label} {summary.Plural.ToLowerInvariant()}"));
        var title = result.PageCount > 1 ? $"{heading}, page {selection.Page} of {result.PageCount}" : heading;
        var pager = new Pager(selection.Page, result.PageCount, result.PathOfPage, $"Pages of {summary.Plural.ToLowerInvariant()}");
        var text = selection.IsFiltered ? new PageText(heading, $"{heading} in the discovery series.") : PageTexts.Kind(summary);
        var meta = PageMeta.For(text with { Title = title }, null, result.PathOfPage(selection.Page)) with
        {
            PreviousPath = pager.PreviousPath,
            NextPath = pager.NextPath,
            // Every combination of filters, sorts and pages is a page, thousands of them: crawlers follow them all but list
            // only the kind and its single-filter pages ("Labels in France"), the landing pages people search for.
            FollowOnly = selection.FilterCount > 1 || result.Sort != result.DefaultSort,
        };

        // A kind without countries, in year order, reads as a timeline: one line per entry under its year.
        IReadOnlyList<TimelineYear> timeline = [];
        if (!summary.HasCountry && result.Sort == KindIndexSort.Year && result.Entries.Count > 0)
        {
            var summaries = await query.SummariesAsync(kind, result.Entries, cancellationToken);
            timeline = result.Entries.GroupBy(entry => entry.Year)
                .Select(group => new TimelineYear(group.Key, group.Select(entry => new TimelineLine(entry, summaries[entry.Slug])).ToList()))
                .ToList();
        }

        var picture = selection.IsFiltered || selection.Page > 1 ? null
            : await db.Pictures.AsNoTracking().FirstOrDefaultAsync(p => p.KindKey == kind, cancellationToken);
        return View(new KindIndexViewModel(meta, result, timeline, heading, pager) { Picture = PictureView.From(picture) });
    }

    [HttpGetOrHead("/{kind:" + SegmentPattern + "}/{slug}")]
    public async Task<IActionResult> Entry(string kind, string slug, CancellationToken cancellationToken)
    {
        var entry = await db.FindEntryAsync(kind, slug, cancellationToken);
        if (entry is null)
        {
            return await this.FormerAddressAsync(db, PageAddress.Entry(kind, slug), cancellationToken);
        }

        var kindSummary = (await db.KindSummariesAsync(cancellationToken)).First(k => k.Key == kind);
        var article = (await db.Articles.Where(a => a.Id == entry.ArticleId).ArticleSummariesAsync(cancellationToken)).First();
        var previous = await db.Entries.Where(e => e.ArticleId == entry.ArticleId && e.Rank == entry.Rank - 1).ToCardsAsync(cancellationToken);
        var next = await db.Entries.Where(e => e.ArticleId == entry.ArticleId && e.Rank == entry.Rank + 1).ToCardsAsync(cancellationToken);
        var related = await RelatedEntries.GroupsAsync(db, entry, cancellationToken);
        var aliases = await db.EntryAliases.Where(alias => alias.EntryId == entry.Id).Select(alias => alias.Slug).ToListAsync(cancellationToken);
        var linkedFrom = await MentionedIn.CardsAsync(db, entry, aliases, cancellationToken);

        var card = new EntryCard(entry.Name, kind, kindSummary.Singular, entry.Slug, entry.Caption, entry.Year, entry.YearLabel,
            entry.Countries.OrderBy(country => country.Position).Select(country => country.CountryName).ToList(), PictureView.From(entry.Picture));
        var meta = PageMeta.For(PageTexts.Entry(entry.Name, entry.Description), kindSummary.Plural, entry.Path, "article", article.Published) with
        {
            SharePicture = card.Picture,
        };
        var facts = entry.Facts.OrderBy(fact => fact.Position).ToList();
        return View(new EntryViewModel(meta, card, kindSummary, entry.Rank,
            facts.Select(fact => Formatting.Fact(fact, kind)).ToList(),
            facts.Where(fact => !fact.InCaption && fact.Type != FactType.Links).Select(fact => Formatting.Fact(fact, kind)).ToList(),
            facts.Where(fact => fact.Type == FactType.Links).SelectMany(fact => Formatting.Fact(fact, kind).Values).ToList(),
            entry.BodyHtml, article,
            previous.FirstOrDefault(), next.FirstOrDefault(),
            related, linkedFrom)
        {
            CaptionParts = entry.CaptionParts,
        });
    }
}
