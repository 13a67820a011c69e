namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// A change is the fault of the file that changed: an article file that renames, deletes, drafts or drops an entry
/// (or its own address) that another live article links to is refused, on that file, listing each linking place, unless
/// the content keeps the address answering (an alias, or a record in removed.yml). Its last good version then stays
/// online and the articles that link to it are not touched. Only the content counts, not the store's own memory of
/// redirects, so every instance built from the same commit comes to the same verdict.
/// </summary>
public static class LinkedAddressGuard
{
    /// <param name="stored">What the store serves now, by file.</param>
    /// <param name="due">The articles due to be shown, parsed well.</param>
    /// <param name="presentFiles">Every article file in the folder, readable or not.</param>
    /// <param name="refused">Files refused so far: their stored versions stay. Files refused here are added.</param>
    /// <param name="removed">Addresses recorded in removed.yml.</param>
    /// <param name="unchanged">Due files whose stored version is byte for byte the same: they drop no address.</param>
    /// <returns>The errors, one per refused file.</returns>
    public static List<ContentError> Check(
        IReadOnlyDictionary<string, StoredArticle> stored, IReadOnlyList<ParsedArticle> due, IReadOnlySet<string> presentFiles,
        HashSet<string> refused, IReadOnlySet<string> removed, IReadOnlySet<string> unchanged)
    {
        // A file refused here keeps its last good version online, links and all: what that version links to must stay
        // too, so the check runs again until it refuses no further file.
        var errors = new List<ContentError>();
        List<ContentError> more;
        do
        {
            more = CheckOnce(stored, due, presentFiles, refused, removed, unchanged);
            errors.AddRange(more);
        }
        while (more.Count > 0);

        return errors;
    }

    private static List<ContentError> CheckOnce(
        IReadOnlyDictionary<string, StoredArticle> stored, IReadOnlyList<ParsedArticle> due, IReadOnlySet<string> presentFiles,
        HashSet<string> refused, IReadOnlySet<string> removed, IReadOnlySet<string> unchanged)
    {
        var errors = new List<ContentError>();
        // Only a stored article that changed, went or is no longer due can take an address away. An edit changes one of
        // hundreds: gathering every address of the site to check its few cost a tenth of an edit at 10,000 entries.
        var changed = stored.Values.Where(article => !refused.Contains(article.File) && !unchanged.Contains(article.File)).ToList();
        if (changed.Count == 0)
        {
            return errors;
        }

        var theirs = changed.SelectMany(article => article.EntryPaths.Concat(article.Paths)).ToHashSet(StringComparer.Ordinal);
        var dueByFile = due.ToDictionary(article => article.File, StringComparer.Ordinal);
        var keptOnline = stored.Values.Where(article => refused.Contains(article.File)).ToList();
        var answered = due.Where(article => !refused.Contains(article.File)).SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(keptOnline.SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .Concat(removed)
            .Where(theirs.Contains)
            .ToHashSet(StringComparer.Ordinal);

        // Which stored file each dropped address belongs to; then one pass over every link (thousands at 10,000 entries).
        var droppedBy = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        foreach (var old in changed)
        {
            foreach (var path in old.EntryPaths.Concat(old.Paths).Where(path => !answered.Contains(path)))
            {
                droppedBy.TryAdd(path, old);
            }
        }

        // The links served: those of the due articles as parsed, and those of refused files' last good versions, which
        // stay online while their files are refused (a running site took a deletion such a version linked to, while a
        // new store, which finds that version in the history, kept what it linked to: found by replay 10, F6).
        var fromDue = due.Where(article => !refused.Contains(article.File))
            .SelectMany(article => article.Links.Where(link => IsDroppedByAnother(link.Path, article.File))
                .Select(link => (Old: droppedBy[link.Path], link.Path, Place: $"{article.File}:{link.Line}:{link.Column}")));
        var fromKept = keptOnline
            .SelectMany(article => article.LinkPaths.Where(path => IsDroppedByAnother(path, article.File))
                .Select(path => (Old: droppedBy[path], Path: path, Place: $"{article.File} (the version online while that file is refused)")));
        var linkingByFile = fromDue.Concat(fromKept)
            .GroupBy(place => place.Old.File, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in linkingByFile)
        {
            var old = stored[group.Key];
            var linking = group.ToList();
            refused.Add(old.File);
            var newVersion = dueByFile.GetValueOrDefault(old.File);
            var how = newVersion is null
                ? presentFiles.Contains(old.File) ? "is now a draft or dated in the future" : "was deleted"
                : "changes";
            var places = string.Join(", ", linking.Select(place => $"{place.Place} ({place.Path})"));
            var fixes = string.Join(" ", linking.Select(place => place.Path).Distinct(StringComparer.Ordinal)
                .Select(path => FixFor(path, old, newVersion)));
            var droppedHere = linking.Select(place => place.Path).ToHashSet(StringComparer.Ordinal);
            var line = newVersion?.Entries.FirstOrDefault(entry => old.Entries.Any(was => was.Rank == entry.Rank && droppedHere.Contains(was.Path)))?.Line ?? 1;
            errors.Add(new(old.File, line, 1, $"This file {how}, which takes addresses other articles link to off the site: {places}. "
                + $"{fixes} Until then the last good version of this article stays online."));
        }

        return errors;

        bool IsDroppedByAnother(string path, string linkingFile) => droppedBy.TryGetValue(path, out var old) && old.File != linkingFile;
    }

    private static string FixFor(string path, StoredArticle old, ParsedArticle? newVersion)
    {
        var slug = path[(path.LastIndexOf('/') + 1)..];
        if (newVersion is not null && path.StartsWith(SitePaths.Series + "/", StringComparison.Ordinal))
        {
            return $"To keep {path}, add 'aliases: [{slug}]' to the front matter.";
        }

        var was = old.Entries.FirstOrDefault(entry => entry.Paths.Contains(path));
        var successor = was is null ? null : newVersion?.Entries.FirstOrDefault(entry => entry.Rank == was.Rank);
        return successor is not null && newVersion!.Kind == was!.Kind
            ? $"To keep {path}, add '- **Aliases:** {slug}' to the facts of '{successor.Name}' (line {successor.Line}) if it is the same entry renamed; "
                + $"otherwise record the removal in content/{RemovalRecords.FileName} ('- path: {path}' and a 'reason:')."
            : $"To keep {path} answering, record its removal in content/{RemovalRecords.FileName} ('- path: {path}' and a 'reason:'), or put it back.";
    }
}
