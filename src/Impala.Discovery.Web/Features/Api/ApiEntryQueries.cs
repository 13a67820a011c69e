using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The lists an entry's page shows beside the entry, asked the way EntriesController asks them so that the API
/// and the page agree. (To be shared with the page once the kind index work has landed.)
/// </summary>
public static class ApiEntryQueries
{
    /// <summary>"Also from …": other entries of the entry's countries, by kind then name, at most 24, as on the page.</summary>
    public static Task<List<EntryCard>> SameCountryAsync(DiscoveryDbContext db, Entry entry, CancellationToken cancellationToken)
    {
        var countrySlugs = entry.Countries.Select(country => country.CountrySlug).ToList();
        return db.Entries
            .Where(e => e.Id != entry.Id && e.Countries.Any(country => countrySlugs.Contains(country.CountrySlug)))
            .OrderBy(e => e.KindKey).ThenBy(e => e.Name)
            .Take(24)
            .ToCardsAsync(cancellationToken);
    }

    /// <summary>"Mentioned in": entries whose prose links to the entry's address or one of its former ones.</summary>
    public static Task<List<EntryCard>> LinkedFromAsync(DiscoveryDbContext db, Entry entry, IReadOnlyList<string> aliases, CancellationToken cancellationToken)
    {
        var ownPaths = aliases.Select(alias => SitePaths.Entry(entry.KindKey, alias)).Append(entry.Path).ToList();
        return db.Entries
            .Where(e => e.Id != entry.Id && e.Links.Any(link => ownPaths.Contains(link.TargetPath)))
            .OrderBy(e => e.Name)
            .ToCardsAsync(cancellationToken);
    }
}
