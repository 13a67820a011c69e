using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>The one projection from entries to cards, shared by every page that lists entries, and the one lookup of an entry by its address.</summary>
public static class EntryQueries
{
    /// <summary>The entry at /{kind}/{slug} with its facts, countries and article, as its page and its API answer show it.</summary>
    public static Task<Entry?> FindEntryAsync(this DiscoveryDbContext db, string kind, string slug, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking()
            .Include(e => e.Facts)
            .Include(e => e.Countries)
            .Include(e => e.Article)
            .Include(e => e.Picture)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.KindKey == kind && e.Slug == slug, cancellationToken);

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
                entry.Picture,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new EntryCard(row.Name, row.KindKey, row.KindSingular, row.Slug, row.Caption, row.Year, row.YearLabel, row.Countries,
            PictureView.From(row.Picture))).ToList();
    }
}
