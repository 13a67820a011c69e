using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>The one projection from entries to cards, shared by every page that lists entries.</summary>
public static class EntryQueries
{
    public static async Task<List<EntryCard>> ToCardsAsync(this IQueryable<Entry> entries, CancellationToken cancellationToken)
    {
        var rows = await entries.AsNoTracking()
            .Select(entry => new
            {
                entry.Name,
                entry.KindKey,
                KindSingular = entry.Kind.Singular,
                entry.Slug,
                entry.Caption,
                entry.Year,
                entry.YearLabel,
                Countries = entry.Countries.OrderBy(country => country.Position).Select(country => country.CountryName).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new EntryCard(row.Name, row.KindKey, row.KindSingular, row.Slug, row.Caption, row.Year, row.YearLabel, row.Countries)).ToList();
    }
}
