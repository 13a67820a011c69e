using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Countries;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// What every search reads besides the index, built the first time a search needs it after an import and kept until
/// the content changes: the spelling index of the words the import wrote, the kinds, and how many entries each country
/// and kind has (from the same queries as their pages). A search then asks the store only for its own rows.
/// </summary>
public sealed class SearchCatalogCache
{
    private Built? _current;

    public async Task<SearchCatalog> CurrentAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        // The version first: what is read after it is at least as new, so a catalog is never kept under a newer version than its own.
        var version = await db.StoreInfo.AsNoTracking().OrderBy(info => info.Id).Select(info => info.ContentVersion).FirstOrDefaultAsync(cancellationToken);
        if (Volatile.Read(ref _current) is { } known && known.Version == version)
        {
            return known.Catalog;
        }

        // Two searches that meet a new version at once may both build it: it is small, and either result is right.
        var kinds = await db.KindSummariesAsync(cancellationToken);
        var countries = await db.CountrySummariesAsync(cancellationToken);
        var catalog = new SearchCatalog(
            SpellingIndex.Build(await SearchIndex.SpellingWordsAsync(db, cancellationToken)),
            kinds,
            countries.ToDictionary(country => country.Country.Slug, country => country.Total, StringComparer.Ordinal));
        Volatile.Write(ref _current, new Built(version, catalog));
        return catalog;
    }

    private sealed record Built(string? Version, SearchCatalog Catalog);
}
