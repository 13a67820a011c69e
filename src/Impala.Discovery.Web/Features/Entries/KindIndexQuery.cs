using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// A kind's index as data: filters (country, decade, genre), order and paging, done in SQL so a page costs the same at
/// twenty entries as at ten thousand. <see cref="ListAsync"/> is the one listing the HTML index and the API share;
/// <see cref="RunAsync"/> adds the page's filter choices, each counted under the other filters in force.
/// </summary>
public sealed class KindIndexQuery(DiscoveryDbContext db)
{
    public const int PageSize = 60;

    /// <summary>The page, or null when the kind, the country, the genre or the page does not exist (a 404).</summary>
    public async Task<KindIndexPage?> RunAsync(string kind, KindIndexSelection selection, CancellationToken cancellationToken)
    {
        var (listing, filters) = await ListWithFiltersAsync(kind, selection, PageSize, cancellationToken);
        if (listing is null || listing.IsPastTheEnd)
        {
            return null;
        }

        var ofKind = OfKind(kind);
        var countries = await CountryOptionsAsync(ofKind, filters, cancellationToken);
        var decades = await DecadeOptionsAsync(ofKind, filters, cancellationToken);
        var genres = await GenreOptionsAsync(ofKind, filters, cancellationToken);
        return new KindIndexPage(listing, countries, decades, genres);
    }

    /// <summary>
    /// One page of the kind's entries under the selection's filters, in the selection's order or the kind's own, or
    /// null when the kind, the country or the genre does not exist.
    /// </summary>
    public async Task<KindIndexListing?> ListAsync(string kind, KindIndexSelection selection, int pageSize, CancellationToken cancellationToken) =>
        (await ListWithFiltersAsync(kind, selection, pageSize, cancellationToken)).Listing;

    /// <summary>Each entry's description (see <see cref="Description"/>), by slug, for timelines.</summary>
    public async Task<Dictionary<string, string>> SummariesAsync(string kind, IReadOnlyList<EntryCard> cards, CancellationToken cancellationToken)
    {
        var slugs = cards.Select(card => card.Slug).ToList();
        return await db.Entries.AsNoTracking()
            .Where(entry => entry.KindKey == kind && slugs.Contains(entry.Slug))
            .Select(entry => new { entry.Slug, entry.Description })
            .ToDictionaryAsync(entry => entry.Slug, entry => entry.Description, cancellationToken);
    }

    /// <summary>The listing and the filters it applied.</summary>
    private async Task<(KindIndexListing? Listing, KindIndexFilters Filters)> ListWithFiltersAsync(
        string kind, KindIndexSelection selection, int pageSize, CancellationToken cancellationToken)
    {
        var summary = (await db.KindSummariesAsync(cancellationToken)).FirstOrDefault(k => k.Key == kind);
        var country = selection.Country is null ? null : KnownCountries.FindBySlug(selection.Country);
        if (summary is null || (selection.Country is not null && country is null))
        {
            return (null, KindIndexFilters.None);
        }

        var ofKind = OfKind(kind);
        if (selection.Genre is { } genre && !await GenreValues(ofKind).AnyAsync(value => value.Slug == genre, cancellationToken))
        {
            return (null, KindIndexFilters.None);
        }

        var filters = new KindIndexFilters(country?.Slug, selection.Decade, selection.Genre);
        var matching = filters.Apply(ofKind);
        var total = await matching.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)((total + (long)pageSize - 1) / pageSize));

        // A kind without countries but with years reads as a timeline, so it is in year order unless asked otherwise.
        var defaultSort = !summary.HasCountry && await ofKind.AnyAsync(entry => entry.Year != null, cancellationToken) ? KindIndexSort.Year : KindIndexSort.Name;
        var sort = selection.Sort ?? defaultSort;
        var ordered = sort == KindIndexSort.Year
            ? matching.OrderBy(entry => entry.Year == null).ThenBy(entry => entry.Year).ThenBy(entry => entry.SortKey).ThenBy(entry => entry.Slug)
            : matching.OrderBy(entry => entry.SortKey).ThenBy(entry => entry.Slug);
        var cards = selection.Page > pageCount ? []
            : await ordered.Skip((selection.Page - 1) * pageSize).Take(pageSize).ToCardsAsync(cancellationToken);
        return (new KindIndexListing(summary, selection, country, sort, defaultSort, cards, total, pageSize, pageCount), filters);
    }

    private IQueryable<Entry> OfKind(string kind) => db.Entries.AsNoTracking().Where(entry => entry.KindKey == kind);

    // Each choice counts the entries of its value that pass the other filters: what its link would show. The choices
    // themselves are every value of the kind, so the filters keep their place as the selection changes; the counts
    // under other filters are a second, narrower query, left out when no other filter is in force.
    private static async Task<List<FilterOption>> CountryOptionsAsync(IQueryable<Entry> ofKind, KindIndexFilters filters, CancellationToken cancellationToken)
    {
        var countries = await ofKind.SelectMany(entry => entry.Countries)
            .GroupBy(country => country.CountrySlug)
            .Select(group => new { Slug = group.Key, Name = group.Max(country => country.CountryName)!, Count = group.Count() })
            .ToListAsync(cancellationToken);
        var others = filters with { CountrySlug = null };
        var counts = others == KindIndexFilters.None
            ? countries.ToDictionary(country => country.Slug, country => country.Count)
            : await others.Apply(ofKind).SelectMany(entry => entry.Countries)
                .GroupBy(country => country.CountrySlug)
                .Select(group => new { Slug = group.Key, Count = group.Count() })
                .ToDictionaryAsync(country => country.Slug, country => country.Count, cancellationToken);
        return countries.OrderBy(country => country.Name, NameOrder.Comparer)
            .Select(country => new FilterOption(country.Slug, country.Name, counts.GetValueOrDefault(country.Slug), country.Slug == filters.CountrySlug))
            .ToList();
    }

    private static async Task<List<FilterOption>> DecadeOptionsAsync(IQueryable<Entry> ofKind, KindIndexFilters filters, CancellationToken cancellationToken)
    {
        var others = filters with { Decade = null };
        var decades = await DecadeCountsAsync(ofKind, cancellationToken);
        var counts = others == KindIndexFilters.None ? decades : await DecadeCountsAsync(others.Apply(ofKind), cancellationToken);
        return decades.Keys.Order()
            .Select(decade => new FilterOption(KindIndexSelection.DecadeValue(decade), KindIndexSelection.DecadeValue(decade), counts.GetValueOrDefault(decade), decade == filters.Decade))
            .ToList();
    }

    private static Task<Dictionary<int, int>> DecadeCountsAsync(IQueryable<Entry> entries, CancellationToken cancellationToken) =>
        entries.Where(entry => entry.Year != null)
            .GroupBy(entry => entry.Year!.Value / 10 * 10)
            .Select(group => new { Decade = group.Key, Count = group.Count() })
            .ToDictionaryAsync(decade => decade.Decade, decade => decade.Count, cancellationToken);

    /// <summary>
    /// The kind's genres, one choice per slug (so "Hip hop" and "hip-hop" are one), named as most entries write it;
    /// each counts the entries that pass the other filters and have it.
    /// </summary>
    private static async Task<List<FilterOption>> GenreOptionsAsync(IQueryable<Entry> ofKind, KindIndexFilters filters, CancellationToken cancellationToken)
    {
        var spellings = await GenreValues(ofKind).Where(value => value.Slug != "")
            .GroupBy(value => new { value.Slug, value.Value })
            .Select(group => new { group.Key.Slug, group.Key.Value, Entries = group.Count() })
            .ToListAsync(cancellationToken);
        var others = filters with { GenreSlug = null };
        var counts = others == KindIndexFilters.None
            ? spellings.GroupBy(spelling => spelling.Slug).ToDictionary(group => group.Key, group => group.Sum(spelling => spelling.Entries))
            : await GenreValues(others.Apply(ofKind)).Where(value => value.Slug != "")
                .Select(value => new { value.EntryId, value.Slug }).Distinct()
                .GroupBy(value => value.Slug)
                .Select(group => new { Slug = group.Key, Entries = group.Count() })
                .ToDictionaryAsync(genre => genre.Slug, genre => genre.Entries, cancellationToken);
        return spellings.GroupBy(spelling => spelling.Slug)
            .Select(group =>
            {
                var label = group.OrderByDescending(spelling => spelling.Entries).ThenBy(spelling => spelling.Value, StringComparer.Ordinal).First().Value;
                return new FilterOption(group.Key, label, counts.GetValueOrDefault(group.Key), group.Key == filters.GenreSlug);
            })
            .OrderBy(genre => genre.Label, NameOrder.Comparer)
            .ToList();
    }

    private static IQueryable<EntryFactValue> GenreValues(IQueryable<Entry> entries) =>
        entries.SelectMany(entry => entry.FactValues).Where(value => value.Key == FactText.GenresKey);
}
