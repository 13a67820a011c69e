namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// The removal records in force: removed.yml's own, and each record an earlier version held (committed, or read by
/// this site when the file has no history) that the file dropped while a link online still leads to the address and
/// no page answers it. That record stays, as a change that takes away an address something links to is refused (see
/// <see cref="LinkedAddressGuard"/>). Taken as dropped, the address answered 404 on a running site and the article
/// linking there was refused; a new store found in the history the version that took the address out while it was
/// linked, and served that one (found by the instance agreement fuzzer, seeds 82009 and 82012). A record kept so is at
/// line 0: the file does not hold it.
/// </summary>
/// <param name="file">removed.yml as read (or its last good version).</param>
/// <param name="earlier">The records earlier versions held.</param>
public sealed class RemovalsInForce(RemovalsSource file, IReadOnlyList<RemovalRecord> earlier)
{
    private readonly List<RemovalRecord> _dropped = DroppedFrom(file, earlier);

    /// <summary>
    /// The records in force with these articles online: the due ones as parsed, but for <paramref name="refused"/>,
    /// whose stored versions stay. The file itself when it dropped nothing that is still needed.
    /// </summary>
    public RemovalsSource With(
        IReadOnlyList<ParsedFile> parsed, IReadOnlyDictionary<string, StoredArticle> stored, IReadOnlySet<string> refused, DateOnly today)
    {
        if (_dropped.Count == 0)
        {
            return file;
        }

        var due = parsed.Select(parsedFile => parsedFile.Article).OfType<ParsedArticle>()
            .Where(article => ImportPlanner.IsDue(article, today) && !refused.Contains(article.File)).ToList();
        var keptOnline = refused.Select(stored.GetValueOrDefault).OfType<StoredArticle>().ToList();
        var answered = due.SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(keptOnline.SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .ToHashSet(StringComparer.Ordinal);
        var linked = due.SelectMany(article => article.Links).Select(link => ContentLink.PagePath(link.Path))
            .Concat(keptOnline.SelectMany(article => article.LinkPaths))
            .ToHashSet(StringComparer.Ordinal);
        var kept = _dropped.Where(record => linked.Contains(record.Path) && !answered.Contains(record.Path)).ToList();
        return kept.Count == 0 ? file : file with { Records = [.. file.Records, .. kept] };
    }

    /// <summary>Whether two sets of records in force keep the same dropped records.</summary>
    public static bool SameKept(RemovalsSource one, RemovalsSource other) =>
        one.Records.Where(record => record.Line == 0).Select(record => record.Path)
            .SequenceEqual(other.Records.Where(record => record.Line == 0).Select(record => record.Path), StringComparer.Ordinal);

    /// <summary>What the editor is told of each dropped record kept in force that no page the plan leaves online answers.</summary>
    public static IEnumerable<ContentError> Errors(RemovalsSource inForce, ImportPlan plan, IReadOnlyDictionary<string, StoredArticle> stored)
    {
        var kept = inForce.Records.Where(record => record.Line == 0).ToList();
        if (kept.Count == 0)
        {
            return [];
        }

        var removed = plan.Remove.ToHashSet(StringComparer.Ordinal);
        var served = plan.Write.SelectMany(file => file.Article!.EntryPaths.Concat(file.Article.Paths))
            .Concat(stored.Values.Where(article => !removed.Contains(article.File)).SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .ToHashSet(StringComparer.Ordinal);
        return kept.Where(record => !served.Contains(record.Path)).Select(record => new ContentError(RemovalRecords.FileName, 1, 1,
            $"The record of {record.Path} is no longer in this file, but links on the site still lead there and no page answers it. The record "
            + $"stays in force, so the address keeps answering 410 Gone ('{record.Reason}') rather than 404. Put it back under 'removed:': "
            + $"{RemovalRecords.RecordLines(record.Path, record.Reason).Trim()}; or bring the page back, or take the links out first."));
    }

    private static List<RemovalRecord> DroppedFrom(RemovalsSource file, IReadOnlyList<RemovalRecord> earlier)
    {
        var inFile = file.Records.Select(record => record.Path).ToHashSet(StringComparer.Ordinal);
        return [.. earlier.Where(record => !inFile.Contains(record.Path)).Select(record => record with { Line = 0 })];
    }
}
