using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// "Mentioned in" on an entry's page and in the API's answer for it: the entries whose prose links to its address or
/// one of its former ones. One query, so that the page and the API list the same entries.
/// </summary>
public static class MentionedIn
{
    public static Task<List<EntryCard>> CardsAsync(DiscoveryDbContext db, Entry entry, IEnumerable<string> aliases, CancellationToken cancellationToken)
    {
        var ownPaths = aliases.Select(alias => SitePaths.Entry(entry.KindKey, alias)).Append(entry.Path).ToList();
        // "Id IN (the entries that link here)", by the links' index on their target: testing every entry's links for
        // one of these paths took 10-15 ms at 10,000 entries.
        var linking = db.EntryLinks.Where(link => ownPaths.Contains(link.TargetPath)).Select(link => link.EntryId);
        return db.Entries
            .Where(e => e.Id != entry.Id && linking.Contains(e.Id))
            .OrderBy(e => e.Name)
            .ToCardsAsync(cancellationToken);
    }
}
