using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Works out where the addresses of changed and deleted articles go, so that no address a member may have linked to
/// just stops working: a renamed entry's old address redirects to its new one, a deleted page's address is gone (410).
/// </summary>
public static class AddressChanges
{
    /// <summary>Every address that leaves the site when the plan is applied, and where it goes.</summary>
    /// <param name="stored">What the store holds now, by file.</param>
    /// <param name="remove">Files whose stored version the plan removes (deleted, hidden again, or rewritten).</param>
    /// <param name="written">The articles the plan writes.</param>
    /// <param name="hidden">Files that are drafts or scheduled now: their addresses come back, so they are not gone.</param>
    public static List<AddressChange> Find(
        IReadOnlyDictionary<string, StoredArticle> stored, IReadOnlyList<string> remove, IReadOnlyList<ParsedArticle> written, IReadOnlySet<string> hidden)
    {
        var removed = remove.ToHashSet(StringComparer.Ordinal);
        var remaining = stored.Values.Where(article => !removed.Contains(article.File)).SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(written.SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .ToHashSet(StringComparer.Ordinal);

        var writtenByFile = written.ToDictionary(article => article.File, StringComparer.Ordinal);
        var writtenByEntryPath = new Dictionary<string, ParsedArticle>(StringComparer.Ordinal);
        foreach (var article in written)
        {
            foreach (var path in article.EntryPaths)
            {
                writtenByEntryPath.TryAdd(path, article);
            }
        }

        var changes = new List<AddressChange>();
        foreach (var old in remove.Where(file => !hidden.Contains(file)).Select(file => stored[file]))
        {
            var newVersion = writtenByFile.GetValueOrDefault(old.File);
            foreach (var entry in old.Entries)
            {
                var successor = SuccessorOf(entry, old, newVersion);
                changes.AddRange(entry.Paths.Where(path => !remaining.Contains(path)).Select(path => successor is null
                    ? new AddressChange(path, null, old.File, 1)
                    : new AddressChange(path, SitePaths.Entry(newVersion!.Kind, successor.Slug), old.File, successor.Line) { IsEntryRename = true }));
            }

            // A file renamed without 'aliases:' still leads on: its entries say where the article went.
            var articleSuccessor = newVersion ?? old.EntryPaths.Select(writtenByEntryPath.GetValueOrDefault).FirstOrDefault(article => article is not null);
            changes.AddRange(old.Paths.Where(path => !remaining.Contains(path))
                .Select(path => new AddressChange(path, articleSuccessor is null ? null : SitePaths.Article(articleSuccessor.Slug), old.File, 1)));
        }

        // Each address leaves once, whatever claimed it twice (a stored article whose alias is its own address): the
        // store keeps one row per former address, and a second one failed every import after.
        return changes.DistinctBy(change => change.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The entry a stored entry became in its article's new version: the one that kept one of its addresses, or else
    /// the one at the same place in the article when that one is new to it (a renamed heading or slug). When the
    /// article's kind was renamed (its key in kinds.yml and in the article), the entry of the same slug under the new
    /// kind: before, /venues/x answered 410 once the kind became 'stages', for every member's link (found by replay 4).
    /// </summary>
    private static ParsedEntry? SuccessorOf(StoredEntry old, StoredArticle oldArticle, ParsedArticle? newVersion)
    {
        if (newVersion is null)
        {
            return null;
        }

        if (newVersion.Kind != old.Kind)
        {
            var slugs = old.Aliases.Prepend(old.Slug).ToHashSet(StringComparer.Ordinal);
            return newVersion.Entries.FirstOrDefault(entry => slugs.Contains(entry.Slug));
        }

        var oldPaths = old.Paths.ToHashSet(StringComparer.Ordinal);
        var kept = newVersion.Entries.FirstOrDefault(entry => entry.PathsIn(newVersion.Kind).Any(oldPaths.Contains));
        if (kept is not null)
        {
            return kept;
        }

        var articlePaths = oldArticle.EntryPaths.ToHashSet(StringComparer.Ordinal);
        return newVersion.Entries.FirstOrDefault(entry => entry.Rank == old.Rank && !entry.PathsIn(newVersion.Kind).Any(articlePaths.Contains));
    }
}
