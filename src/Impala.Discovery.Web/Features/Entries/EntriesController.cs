using System.Globalization;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Home;
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
    public async Task<IActionResult> Index(string kind, string? country, string? decade, CancellationToken cancellationToken)
    {
        var summary = (await db.KindSummariesAsync(cancellationToken)).FirstOrDefault(k => k.Key == kind);
        if (summary is null)
        {
            return NotFound();
        }

        country = string.IsNullOrWhiteSpace(country) ? null : country;
        decade = string.IsNullOrWhiteSpace(decade) ? null : decade;
        var selectedCountry = country is null ? null : KnownCountries.FindBySlug(country);
        if (country is not null && selectedCountry is null)
        {
            return NotFound();
        }

        int? selectedDecade = null;
        if (decade is not null)
        {
            if (!int.TryParse(decade.TrimEnd('s'), NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start % 10 != 0 || start < FactValueParser.EarliestYear)
            {
                return BadRequest();
            }

            selectedDecade = start;
        }

        var all = await db.Entries.Where(entry => entry.KindKey == kind).OrderBy(entry => entry.Name).ToCardsAsync(cancellationToken);
        var shown = all
            .Where(entry => selectedCountry is null || entry.Countries.Contains(selectedCountry.Name))
            .Where(entry => selectedDecade is null || (entry.Year >= selectedDecade && entry.Year < selectedDecade + 10))
            .ToList();

        var countryFilter = all.SelectMany(entry => entry.Countries).GroupBy(name => name).OrderBy(group => group.Key)
            .Select(group => new FilterOption(KnownCountries.Find(group.Key)!.Slug, group.Key, group.Count(), group.Key == selectedCountry?.Name))
            .ToList();
        var decadeFilter = all.Where(entry => entry.Year is not null).GroupBy(entry => entry.Year!.Value / 10 * 10).OrderBy(group => group.Key)
            .Select(group => new FilterOption($"{group.Key}s", $"{group.Key}s", group.Count(), group.Key == selectedDecade))
            .ToList();
        var timeline = shown.Where(entry => entry.Year is not null).GroupBy(entry => entry.Year!.Value).OrderBy(group => group.Key)
            .Select(group => new TimelineYear(group.Key, group.ToList()))
            .ToList();

        var filters = new[] { selectedCountry is null ? null : $"in {selectedCountry.Name}", selectedDecade is null ? null : $"from the {selectedDecade}s" }
            .Where(part => part is not null).ToList();
        var filterDescription = filters.Count == 0 ? null : string.Join(" ", filters);
        var title = filterDescription is null ? summary.Plural : $"{summary.Plural} {filterDescription}";
        var canonical = SitePaths.KindFiltered(kind, selectedCountry?.Slug, selectedDecade is null ? null : $"{selectedDecade}s");
        var meta = new PageMeta($"{title} · {HomeController.SiteName}",
            filterDescription is null ? $"{summary.Intro} {Formatting.Number(all.Count)} {summary.Plural.ToLowerInvariant()} in the discovery series." : $"{summary.Plural} {filterDescription} in the discovery series.",
            canonical);
        return View(new KindIndexViewModel(meta, summary, shown, timeline, countryFilter, decadeFilter, filterDescription));
    }

    [HttpGetOrHead("/{kind:" + SegmentPattern + "}/{slug}")]
    public async Task<IActionResult> Entry(string kind, string slug, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking()
            .Include(e => e.Facts)
            .Include(e => e.Countries)
            .Include(e => e.Article)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.KindKey == kind && e.Slug == slug, cancellationToken);
        if (entry is null)
        {
            var renamed = await db.EntryAliases.AsNoTracking()
                .Where(alias => alias.KindKey == kind && alias.Slug == slug)
                .Select(alias => alias.Entry.Slug)
                .FirstOrDefaultAsync(cancellationToken);
            return renamed is null
                ? await this.FormerAddressAsync(db, SitePaths.Entry(kind, slug), cancellationToken)
                : this.PermanentRedirectToLocalPath(SitePaths.Entry(kind, renamed));
        }

        var kindSummary = (await db.KindSummariesAsync(cancellationToken)).First(k => k.Key == kind);
        var article = (await db.Articles.Where(a => a.Id == entry.ArticleId).ArticleSummariesAsync(cancellationToken)).First();
        var previous = await db.Entries.Where(e => e.ArticleId == entry.ArticleId && e.Rank == entry.Rank - 1).ToCardsAsync(cancellationToken);
        var next = await db.Entries.Where(e => e.ArticleId == entry.ArticleId && e.Rank == entry.Rank + 1).ToCardsAsync(cancellationToken);
        var countrySlugs = entry.Countries.Select(country => country.CountrySlug).ToList();
        var sameCountry = await db.Entries
            .Where(e => e.Id != entry.Id && e.Countries.Any(country => countrySlugs.Contains(country.CountrySlug)))
            .OrderBy(e => e.KindKey).ThenBy(e => e.Name)
            .Take(24)
            .ToCardsAsync(cancellationToken);
        var aliases = await db.EntryAliases.Where(alias => alias.EntryId == entry.Id).Select(alias => new { alias.KindKey, alias.Slug })
            .ToListAsync(cancellationToken);
        var ownPaths = aliases.Select(alias => SitePaths.Entry(alias.KindKey, alias.Slug)).Append(entry.Path).ToList();
        var linkedFrom = await db.Entries
            .Where(e => e.Id != entry.Id && e.Links.Any(link => ownPaths.Contains(link.TargetPath)))
            .OrderBy(e => e.Name)
            .ToCardsAsync(cancellationToken);

        var card = new EntryCard(entry.Name, kind, kindSummary.Singular, entry.Slug, entry.Caption, entry.Year, entry.YearLabel,
            entry.Countries.OrderBy(country => country.Position).Select(country => country.CountryName).ToList());
        // The entry's own first sentence says more than a template; the template stays for an entry without prose.
        var description = PageMeta.FirstSentence(entry.BodyHtml)
            ?? $"{entry.Name}: {kindSummary.Singular.ToLowerInvariant()}{(card.Caption.Length > 0 ? $", {card.Caption}" : "")}. No. {entry.Rank} of \u201c{article.Title}\u201d, IMPALA's discovery series.";
        var meta = new PageMeta($"{entry.Name} · {kindSummary.Plural} · {HomeController.SiteName}", description, entry.Path, "article", article.Published);
        return View(new EntryViewModel(meta, card, kindSummary, entry.Rank,
            entry.Facts.OrderBy(fact => fact.Position).Select(Formatting.Fact).ToList(),
            entry.BodyHtml, article,
            previous.FirstOrDefault(), next.FirstOrDefault(),
            sameCountry, linkedFrom));
    }
}
