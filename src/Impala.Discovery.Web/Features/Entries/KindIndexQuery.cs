using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// A kind's index as data: filters (country, decade, genre), order and paging, done in SQL so a page costs the same at
/// twenty entries as at ten thousand. Shared by the HTML index and anything else that lists a kind.
/// </summary>
public sealed class KindIndexQuery(DiscoveryDbContext db)
{
    public const int PageSize = 60;

    /// <summary>Kinds whose entries have this fact get a genre filter, and its values link to it.</summary>
    public const string GenreFactKey = "Genres";

    /// <summary>The page, or null when the kind, the country, the genre or the page does not exist (a 404).</summary>
    public async Task<KindIndexPage?> RunAsync(string kind, KindIndexSelection selection, CancellationToken cancellationToken)
    {
        var summary = (await db.KindSummariesAsync(cancellationToken)).FirstOrDefault(k => k.Key == kind);
        var country = selection.Country is null ? null : KnownCountries.FindBySlug(selection.Country);
        if (summary is null || (selection.Country is not null && country is null))
        {
            return null;
        }

        var ofKind = db.Entries.AsNoTracking().Where(entry => entry.KindKey == kind);
        var countries = await CountryOptionsAsync(kind, country, cancellationToken);
        var decades = await DecadeOptionsAsync(ofKind, selection.Decade, cancellationToken);
        var genres = await GenreOptionsAsync(ofKind, selection.Genre, cancellationToken);
        var genre = genres.FirstOrDefault(option => option.Option.Selected);
        if (selection.Genre is not null && genre is null)
        {
            return null;
        }

        var matching = ofKind;
        if (country is not null)
        {
            matching = matching.Where(entry => entry.Countries.Any(c => c.CountrySlug == country.Slug));
        }

        if (selection.Decade is { } decade)
        {
            matching = matching.Where(entry => entry.Year >= decade && entry.Year < decade + 10);
        }

        if (genre is not null)
        {
            var spellings = genre.Spellings;
            matching = matching.Where(entry => entry.Facts.Any(fact => fact.Key == GenreFactKey && fact.Values.Any(value => spellings.Contains(value))));
        }

        var total = await matching.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (selection.Page > pageCount)
        {
            return null;
        }

        // A kind without countries but with years reads as a timeline, so it is in year order unless asked otherwise.
        var defaultSort = !summary.HasCountry && decades.Count > 0 ? KindIndexSort.Year : KindIndexSort.Name;
        var sort = selection.Sort ?? defaultSort;
        var ordered = sort == KindIndexSort.Year
            ? matching.OrderBy(entry => entry.Year == null).ThenBy(entry => entry.Year).ThenBy(entry => entry.SortKey).ThenBy(entry => entry.Slug)
            : matching.OrderBy(entry => entry.SortKey).ThenBy(entry => entry.Slug);
        var cards = await ordered.Skip((selection.Page - 1) * PageSize).Take(PageSize).ToCardsAsync(cancellationToken);
        return new KindIndexPage(summary, selection, country, sort, defaultSort, cards, total, pageCount,
            countries, decades, genres.Select(option => option.Option).ToList());
    }

    /// <summary>A one-sentence summary of each entry's prose (its caption when it has none), by slug, for timelines.</summary>
    public async Task<Dictionary<string, string>> SummariesAsync(string kind, IReadOnlyList<EntryCard> cards, CancellationToken cancellationToken)
    {
        var slugs = cards.Select(card => card.Slug).ToList();
        var bodies = await db.Entries.AsNoTracking()
            .Where(entry => entry.KindKey == kind && slugs.Contains(entry.Slug))
            .Select(entry => new { entry.Slug, entry.BodyHtml })
            .ToDictionaryAsync(entry => entry.Slug, entry => entry.BodyHtml, cancellationToken);
        return cards.ToDictionary(card => card.Slug,
            card => ProseSummary.FirstSentence(bodies.GetValueOrDefault(card.Slug, "")) is { Length: > 0 } sentence ? sentence : card.Caption);
    }

    private async Task<List<FilterOption>> CountryOptionsAsync(string kind, Country? selected, CancellationToken cancellationToken)
    {
        var counts = await db.EntryCountries.AsNoTracking()
            .Where(country => country.Entry.KindKey == kind)
            .GroupBy(country => new { country.CountrySlug, country.CountryName })
            .Select(group => new { group.Key.CountrySlug, group.Key.CountryName, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return counts.OrderBy(country => country.CountryName, NameOrder.Comparer)
            .Select(country => new FilterOption(country.CountrySlug, country.CountryName, country.Count, country.CountrySlug == selected?.Slug))
            .ToList();
    }

    private static async Task<List<FilterOption>> DecadeOptionsAsync(IQueryable<Entry> ofKind, int? selected, CancellationToken cancellationToken)
    {
        var counts = await ofKind.Where(entry => entry.Year != null)
            .GroupBy(entry => entry.Year!.Value / 10 * 10)
            .Select(group => new { Decade = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return counts.OrderBy(decade => decade.Decade)
            .Select(decade => new FilterOption(KindIndexSelection.DecadeValue(decade.Decade), KindIndexSelection.DecadeValue(decade.Decade), decade.Count, decade.Decade == selected))
            .ToList();
    }

    /// <summary>Genres as written, grouped by slug so that "Hip hop" and "hip-hop" are one choice, named as most entries write it.</summary>
    private static async Task<List<GenreOption>> GenreOptionsAsync(IQueryable<Entry> ofKind, string? selected, CancellationToken cancellationToken)
    {
        var lists = await ofKind.SelectMany(entry => entry.Facts.Where(fact => fact.Key == GenreFactKey).Select(fact => fact.Values))
            .ToListAsync(cancellationToken);
        return lists
            .SelectMany(values => values.DistinctBy(Slug.From))
            .GroupBy(Slug.From)
            .Where(group => group.Key.Length > 0)
            .Select(group =>
            {
                var label = group.GroupBy(value => value).OrderByDescending(spelling => spelling.Count()).First().Key;
                return new GenreOption(new FilterOption(group.Key, label, group.Count(), group.Key == selected), group.Distinct().ToList());
            })
            .OrderBy(genre => genre.Option.Label, NameOrder.Comparer)
            .ToList();
    }
}
