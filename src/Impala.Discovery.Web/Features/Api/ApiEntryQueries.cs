using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The "Mentioned in" list of an entry's page, asked the way EntriesController asks it so that the API and the page
/// agree. (Related entries come from the page's own <see cref="Entries.RelatedEntries"/>.)
/// </summary>
public static class ApiEntryQueries
{
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
