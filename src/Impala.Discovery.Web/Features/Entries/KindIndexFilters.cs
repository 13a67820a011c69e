using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// The filters of a kind's index as the store knows them: a country's slug, a decade's first year, a genre's slug. A
/// filter chip's count is <see cref="Apply"/> of the other filters, so that it counts what its link shows.
/// </summary>
public sealed record KindIndexFilters(string? CountrySlug, int? Decade, string? GenreSlug)
{
    public static readonly KindIndexFilters None = new(null, null, null);

    public IQueryable<Entry> Apply(IQueryable<Entry> entries)
    {
        if (CountrySlug is { } country)
        {
            entries = entries.Where(entry => entry.Countries.Any(c => c.CountrySlug == country));
        }

        if (Decade is { } decade)
        {
            entries = entries.Where(entry => entry.Year >= decade && entry.Year < decade + 10);
        }

        if (GenreSlug is { } genre)
        {
            entries = entries.Where(entry => entry.FactValues.Any(value => value.Key == FactText.GenresKey && value.Slug == genre));
        }

        return entries;
    }
}
