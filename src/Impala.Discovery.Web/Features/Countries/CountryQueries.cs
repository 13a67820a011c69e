using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Countries;

/// <summary>The countries that have entries, with how many of each kind: one count for the pages and their cards.</summary>
public static class CountryQueries
{
    public static async Task<List<CountrySummary>> CountrySummariesAsync(this DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.EntryCountries.AsNoTracking()
            .GroupBy(country => new { country.CountrySlug, country.Entry.KindKey })
            .Select(group => new { group.Key.CountrySlug, group.Key.KindKey, Count = group.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.CountrySlug)
            .Select(group => new CountrySummary(
                KnownCountries.FindBySlug(group.Key)!,
                group.Sum(row => row.Count),
                group.ToDictionary(row => row.KindKey, row => row.Count)))
            .OrderBy(summary => summary.Country.Name)
            .ToList();
    }
}
