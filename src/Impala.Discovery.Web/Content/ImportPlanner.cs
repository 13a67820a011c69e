using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Decides what an import changes: a pure function of the parsed files, what the store holds and today's date,
/// so every rule of "what is shown" is tested on values. <see cref="ContentStore"/> then applies the plan.
/// </summary>
public static class ImportPlanner
{
    /// <param name="kinds">The catalogue the files were parsed against.</param>
    /// <param name="files">Every article file that was read, parsed or refused.</param>
    /// <param name="unreadable">Errors of files that could not even be read: like refused files, their stored version stays.</param>
    /// <param name="stored">What the store holds now, by file.</param>
    /// <param name="today">Articles dated after today are scheduled, not shown.</param>
    /// <param name="removals">The addresses content/removed.yml records as taken off the site.</param>
    /// <param name="history">When each article was first published, for addresses two articles claim; front-matter dates if not given.</param>
    /// <param name="beingWritten">Files changed moments ago, which may still be in the middle of being written (see <see cref="Held"/>).</param>
    public static ImportPlan Plan(
        KindCatalog kinds,
        IReadOnlyList<ParsedFile> files,
        IReadOnlyList<ContentError> unreadable,
        IReadOnlyDictionary<string, StoredArticle> stored,
        DateOnly today,
        IReadOnlyList<RemovalRecord>? removals = null,
        FirstPublication? history = null,
        IReadOnlySet<string>? beingWritten = null)
    {
        var errors = new List<ContentError>(unreadable);
        errors.AddRange(files.SelectMany(file => file.Errors));
        var refused = files.Where(file => file.Article is null).Select(file => file.File)
            .Concat(unreadable.Select(error => error.File))
            .ToHashSet(StringComparer.Ordinal);

        var parsed = files.Where(file => file.Article is not null).ToList();
        var due = parsed.Select(file => file.Article!).Where(article => IsDue(article, today)).ToList();
        var hidden = parsed.Select(file => file.Article!).Where(article => !IsDue(article, today)).ToList();

        // Only the content says where an address leads: aliases (part of each entry's and article's paths) and the
        // removal records. A change that takes away an address another article links to is the changing file's error.
        var records = removals ?? [];
        var removed = records.Select(record => record.Path).ToHashSet(StringComparer.Ordinal);
        var held = Held(due, stored, removed, beingWritten);
        refused.UnionWith(held.Keys);
        due.RemoveAll(article => held.ContainsKey(article.File));
        var present = files.Select(file => file.File).Concat(unreadable.Select(error => error.File)).ToHashSet(StringComparer.Ordinal);
        var dueFiles = due.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
        var unchanged = parsed.Where(file => dueFiles.Contains(file.File) && stored.TryGetValue(file.File, out var old) && old.Hash == file.Fingerprint)
            .Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        var guardErrors = LinkedAddressGuard.Check(stored, due, present, refused, removed, unchanged);
        errors.AddRange(guardErrors);
        var checker = new CrossArticleChecker(kinds, removed, history ?? FirstPublication.ByFrontMatterOnly);
        var (accepted, crossErrors, warnings, yielded) = CheckAcrossFiles(checker, due, hidden, stored, refused);
        errors.AddRange(crossErrors);
        errors.AddRange(CheckAsIfPublished(checker, accepted, hidden, stored, refused));
        errors.AddRange(CheckWhatCouldBeRead(checker, files, accepted, hidden, stored, refused, today));

        // A refused file's last good version that gave up its own address goes off the site whole, as a new store,
        // which finds it in the history, passes it over (seed 82016).
        var withdrawn = refused.Where(file => stored.TryGetValue(file, out var kept) && CrossArticleChecker.Withdrawn(kept, yielded))
            .ToHashSet(StringComparer.Ordinal);
        var acceptedFiles = accepted.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
        var write = parsed
            .Where(file => acceptedFiles.Contains(file.File))
            .Where(file => !stored.TryGetValue(file.File, out var old) || old.Hash != file.Fingerprint)
            .ToList();
        var rewritten = write.Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        var remove = stored.Keys
            .Where(file => (!refused.Contains(file) || withdrawn.Contains(file)) && (!acceptedFiles.Contains(file) || rewritten.Contains(file)))
            .ToList();

        var changes = AddressChanges.Find(stored, remove, write.Select(file => file.Article!).ToList(),
            hidden.Select(article => article.File).ToHashSet(StringComparer.Ordinal));
        warnings.AddRange(changes.Where(change => !removed.Contains(change.Path)).Select(UnrecordedChangeNotice));
        warnings.AddRange(RemovalWarnings(records, accepted, stored, refused));
        warnings.AddRange(held.Select(pair => HeldNotice(pair.Key, pair.Value)));
        warnings.AddRange(GivenUp(files, accepted, stored, refused, yielded).Where(pair => !withdrawn.Contains(pair.Key)).Select(pair => YieldedNotice(pair.Key, pair.Value)));

        var next = hidden.Where(article => !article.Draft).Select(article => (DateOnly?)article.Published).Min();
        // A deleted file refused by the guard keeps its last good version online: it is listed, though it is not there.
        var keptDeleted = guardErrors.Select(error => error.File).Where(file => !present.Contains(file));
        var byName = files.DistinctBy(file => file.File).ToDictionary(file => file.File, StringComparer.Ordinal);
        var outcomes = files.Select(file => file.File).Concat(unreadable.Select(error => error.File)).Concat(keptDeleted).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(file => held.ContainsKey(file)
                ? new FileOutcome(file, FileState.Published, byName[file].Article!.Published, EarlierVersionOnline: true, byName[file].Article!.Slug)
                : Outcome(file, byName.GetValueOrDefault(file), refused, stored, today) is var outcome && withdrawn.Contains(file)
                    ? outcome with { EarlierVersionOnline = false }
                    : outcome)
            .ToList();
        return new ImportPlan(kinds, write, remove, errors, warnings, next, outcomes, changes)
        {
            Held = [.. held.Keys],
            Yielded = yielded.Where(pair => !withdrawn.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Published files changed moments ago whose new version adds no address and takes some off the site (addresses
    /// no other article now serves and no removal record accounts for), with those addresses. A file uploaded in place in
    /// pieces (scp, FTP) is such a file until its last piece lands: taken as it is, the entries after the cut would
    /// answer 410 meanwhile. So its last version stays until the file has been still for
    /// <see cref="ContentFolder.SettleTime"/>, or for <see cref="ContentFolder.CutOffSettleTime"/> when it ends mid-line
    /// (an upload that stalls between pieces); then it is imported as it is. Every other edit is taken at once: one
    /// that adds or changes entries, a rename (it brings a new address), an entry moved to another article (not lost),
    /// a removal recorded in removed.yml (meant). Only an unrecorded deletion waits, for those seconds.
    /// </summary>
    private static Dictionary<string, List<string>> Held(
        List<ParsedArticle> due, IReadOnlyDictionary<string, StoredArticle> stored, HashSet<string> removed, IReadOnlySet<string>? beingWritten)
    {
        var held = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (beingWritten is not { Count: > 0 })
        {
            return held;
        }

        var served = due.SelectMany(article => article.EntryPaths.Concat(article.Paths)).ToHashSet(StringComparer.Ordinal);
        foreach (var article in due.Where(article => beingWritten.Contains(article.File)))
        {
            if (!stored.TryGetValue(article.File, out var old))
            {
                continue;
            }

            var before = old.EntryPaths.Concat(old.Paths).ToHashSet(StringComparer.Ordinal);
            var lost = before.Where(path => !served.Contains(path) && !removed.Contains(path)).Order(StringComparer.Ordinal).ToList();
            if (lost.Count > 0 && article.EntryPaths.Concat(article.Paths).All(before.Contains))
            {
                held[article.File] = lost;
            }
        }

        return held;
    }

    private static ContentError HeldNotice(string file, List<string> lost) =>
        new(file, 1, 1, $"This file changed a moment ago and takes {lost.Count} address{(lost.Count == 1 ? "" : "es")} off the site ({string.Join(", ", lost.Take(3))}"
            + $"{(lost.Count > 3 ? ", …" : "")}). A file still being uploaded looks the same, so its last version stays online until the file has not "
            + $"changed for {ContentFolder.SettleTime.TotalSeconds:0} seconds, or for {ContentFolder.CutOffSettleTime.TotalSeconds:0} seconds while its last line has no "
            + "line break at its end (as a file cut off mid-upload has); then this version is imported. Nothing to do if the change is meant.");

    /// <summary>
    /// For each refused file whose last good version gave addresses up, now or at an earlier import, the addresses it
    /// claims that another article serves instead: worked out at every import, so the warning stays while it holds.
    /// </summary>
    private static Dictionary<string, List<string>> GivenUp(
        IReadOnlyList<ParsedFile> files, List<ParsedArticle> accepted, IReadOnlyDictionary<string, StoredArticle> stored,
        HashSet<string> refused, Dictionary<string, List<string>> yielded)
    {
        var earlier = refused.Where(file => stored.TryGetValue(file, out var kept) && kept.GaveAddressesUp && !yielded.ContainsKey(file)).ToList();
        var givenUp = new Dictionary<string, List<string>>(yielded, StringComparer.Ordinal);
        if (earlier.Count == 0)
        {
            return givenUp;
        }

        var served = accepted.SelectMany(article => article.EntryPaths.Concat(article.Paths)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in files.Where(file => earlier.Contains(file.File)))
        {
            var claimed = (file.Article ?? file.Partial) is { } article ? article.EntryPaths.Concat(article.Paths) : [];
            var holds = stored[file.File].EntryPaths.Concat(stored[file.File].Paths).ToHashSet(StringComparer.Ordinal);
            var paths = claimed.Where(path => served.Contains(path) && !holds.Contains(path)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (paths.Count > 0)
            {
                givenUp[file.File] = paths;
            }
        }

        return givenUp;
    }

    private static ContentError YieldedNotice(string file, List<string> paths) =>
        new(file, 1, 1, $"While this file is refused its last good version stays online, but without {string.Join(", ", paths.Take(3))}{(paths.Count > 3 ? ", …" : "")}: "
            + $"{(paths.Count == 1 ? "that address" : "those addresses")} now {(paths.Count == 1 ? "leads" : "lead")} to the article that published "
            + $"{(paths.Count == 1 ? "it" : "them")} first. Fix this file's errors to bring it back in full.");

    /// <summary>
    /// The checks across files, until nothing changes: a published article refused here keeps its last good version
    /// online, which keeps holding its addresses, so an article that took one of them in the first round is refused in
    /// the next (rather than written over an address the store still serves), unless the history gives the address to
    /// that article: then the last good version gives it up. Adds every refused file to <paramref name="refused"/>.
    /// </summary>
    private static (List<ParsedArticle> Accepted, List<ContentError> Errors, List<ContentError> Warnings, Dictionary<string, List<string>> Yielded) CheckAcrossFiles(
        CrossArticleChecker checker, List<ParsedArticle> due, List<ParsedArticle> hidden,
        IReadOnlyDictionary<string, StoredArticle> stored, HashSet<string> refused)
    {
        var errors = new List<ContentError>();
        while (true)
        {
            var (accepted, roundErrors, warnings, yielded) = checker.Check(due.Where(article => !refused.Contains(article.File)).ToList(), hidden, stored, refused);
            errors.AddRange(roundErrors);
            var newlyKept = roundErrors.Select(error => error.File).Where(file => stored.ContainsKey(file) && !refused.Contains(file)).ToList();
            refused.UnionWith(roundErrors.Select(error => error.File));
            if (newlyKept.Count == 0)
            {
                return (accepted, errors, warnings, yielded);
            }
        }
    }

    /// <summary>
    /// Drafts and scheduled articles are checked as if they were out today, so that an editor learns of a broken link
    /// or a taken address while writing, not on publication day. They are not shown either way.
    /// </summary>
    private static IEnumerable<ContentError> CheckAsIfPublished(
        CrossArticleChecker checker, List<ParsedArticle> accepted, List<ParsedArticle> hidden,
        IReadOnlyDictionary<string, StoredArticle> stored, HashSet<string> refused)
    {
        if (hidden.Count == 0)
        {
            return [];
        }

        var hiddenFiles = hidden.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
        var (_, errors, warnings, _) = checker.Check([.. accepted, .. hidden], [], stored, refused);
        return errors.Concat(warnings).Where(error => hiddenFiles.Contains(error.File))
            .Select(NotYetPublished);
    }

    /// <summary>
    /// A file refused for its own mistakes is still checked across files as far as it could be read, so that the
    /// editor learns of its broken links and taken addresses with its other errors, in one pass.
    /// </summary>
    private static IEnumerable<ContentError> CheckWhatCouldBeRead(
        CrossArticleChecker checker, IReadOnlyList<ParsedFile> files, List<ParsedArticle> accepted, List<ParsedArticle> hidden,
        IReadOnlyDictionary<string, StoredArticle> stored, HashSet<string> refused, DateOnly today)
    {
        var partials = files.Select(file => file.Partial).OfType<ParsedArticle>().ToDictionary(article => article.File, StringComparer.Ordinal);
        if (partials.Count == 0)
        {
            return [];
        }

        // Its own stored version is left out, or each of its addresses would clash with itself.
        var others = refused.Where(file => !partials.ContainsKey(file)).ToHashSet(StringComparer.Ordinal);
        var (_, errors, warnings, _) = checker.Check([.. accepted, .. partials.Values], hidden, stored, others);
        return errors.Concat(warnings).Where(error => partials.ContainsKey(error.File))
            .Select(error => IsDue(partials[error.File], today) ? error : NotYetPublished(error));
    }

    private static ContentError NotYetPublished(ContentError error) =>
        error with { Message = $"Not yet published, but will be refused on its day: {error.Message}" };

    /// <summary>
    /// A file's state. A draft or scheduled article with errors is still a draft or scheduled (nothing of it is shown,
    /// so nothing is refused), unless an earlier published version of it stays online because of them.
    /// </summary>
    private static FileOutcome Outcome(
        string file, ParsedFile? parsed, HashSet<string> refused, IReadOnlyDictionary<string, StoredArticle> stored, DateOnly today)
    {
        var article = parsed?.Article ?? parsed?.Partial;
        var failed = parsed?.Article is null || refused.Contains(file);
        return article is null || (failed && (stored.ContainsKey(file) || IsDue(article, today)))
            ? new(file, FileState.Refused, article?.Published, stored.ContainsKey(file), article?.Slug)
            : article.Draft ? new(file, FileState.Draft, article.Published, false, article.Slug)
            : article.Published > today ? new(file, FileState.Scheduled, article.Published, false, article.Slug)
            : new(file, FileState.Published, article.Published, false, article.Slug);
    }

    /// <summary>
    /// An address this import takes off the site that the content does not account for: this instance's store
    /// remembers it (a redirect or 410), but a new instance would answer 404. The line to add makes it permanent.
    /// </summary>
    private static ContentError UnrecordedChangeNotice(AddressChange change) => change switch
    {
        // An alias lives under the entry's own kind: no line of content can keep a former kind's address yet.
        { IsEntryRename: true, MovedTo: { } movedTo } when SitePath.Folder(change.Path) != SitePath.Folder(movedTo) => new(change.File, change.Line, 1,
            $"Moved with its kind: {change.Path} → {movedTo}; the old address redirects on this site only for now, and a new copy of the site "
            + "will answer 404 there. A kind's key is part of its addresses: to keep them for good, keep the key and change only the kind's names."),
        { IsEntryRename: true } => new(change.File, change.Line, 1, $"Renamed: {change.Path} → {change.MovedTo}; the old address redirects on this "
            + $"site only for now. Add '- **Aliases:** {SitePath.SoughtName(change.Path)}' to the entry to make it permanent."),
        { MovedTo: { } movedTo } => new(change.File, 1, 1, $"Moved: {change.Path} → {movedTo}; the old address redirects on this site only for now. "
            + $"Add 'aliases: [{SitePath.SoughtName(change.Path)}]' to the front matter of the article now at {movedTo} to make it permanent."),
        _ => new(change.File, 1, 1, $"Taken off the site: {change.Path}; it answers 410 Gone on this site only for now. Record it in "
            + $"content/{RemovalRecords.FileName} to make it permanent: under 'removed:' add '- path: {change.Path}' and a 'reason:' line "
            + "(check --fix writes them)."),
    };

    /// <summary>A record of an address that shows a page again is not needed; a link to a removed page leads to a 410.</summary>
    private static IEnumerable<ContentError> RemovalWarnings(
        IReadOnlyList<RemovalRecord> records, List<ParsedArticle> accepted, IReadOnlyDictionary<string, StoredArticle> stored, HashSet<string> refused)
    {
        if (records.Count == 0)
        {
            yield break;
        }

        var served = accepted.SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(stored.Values.Where(article => refused.Contains(article.File)).SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .ToHashSet(StringComparer.Ordinal);
        // A record kept in force after it was dropped from the file (line 0, see ContentEvaluator) is not there to delete.
        foreach (var record in records.Where(record => served.Contains(record.Path) && record.Line > 0))
        {
            yield return new(RemovalRecords.FileName, record.Line, 1, $"{record.Path} shows a page again, so its removal record is not used. Delete it from {RemovalRecords.FileName}.");
        }

        var byPath = records.Where(record => !served.Contains(record.Path)).ToDictionary(record => record.Path, StringComparer.Ordinal);
        foreach (var article in accepted)
        {
            foreach (var link in article.Links.Where(link => byPath.ContainsKey(link.Path)))
            {
                var where = byPath[link.Path].Line > 0 ? $"line {byPath[link.Path].Line}" : "a record dropped from it but still in force";
                yield return new(article.File, link.Line, link.Column, $"The link {link.Path} leads to a page taken off the site "
                    + $"({RemovalRecords.FileName} {where}: {byPath[link.Path].Reason}). Remove the link or point it to another page.");
            }
        }
    }

    /// <summary>Shown today: neither a draft nor dated later.</summary>
    public static bool IsDue(ParsedArticle article, DateOnly today) => !article.Draft && article.Published <= today;
}
