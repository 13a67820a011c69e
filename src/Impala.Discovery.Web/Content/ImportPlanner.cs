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
    /// <param name="formerAddresses">Addresses that showed a page once, with where they redirect now (null: gone).</param>
    public static ImportPlan Plan(
        KindCatalog kinds,
        IReadOnlyList<ParsedFile> files,
        IReadOnlyList<ContentError> unreadable,
        IReadOnlyDictionary<string, StoredArticle> stored,
        DateOnly today,
        IReadOnlyDictionary<string, string?>? formerAddresses = null)
    {
        var errors = new List<ContentError>(unreadable);
        errors.AddRange(files.SelectMany(file => file.Errors));
        var refused = files.Where(file => file.Article is null).Select(file => file.File)
            .Concat(unreadable.Select(error => error.File))
            .ToHashSet(StringComparer.Ordinal);

        var parsed = files.Where(file => file.Article is not null).ToList();
        var due = parsed.Select(file => file.Article!).Where(article => IsDue(article, today)).ToList();
        var hidden = parsed.Select(file => file.Article!).Where(article => !IsDue(article, today)).ToList();

        // A link to an entry's old address keeps working through its redirect, whether the rename is older or in this import.
        var redirecting = (formerAddresses ?? new Dictionary<string, string?>()).Where(former => former.Value is not null).Select(former => former.Key)
            .Concat(AddressChanges.Renames(due, stored).Keys)
            .ToHashSet(StringComparer.Ordinal);
        var checker = new CrossArticleChecker(kinds, redirecting);
        var (accepted, crossErrors, warnings) = checker.Check(due, hidden, stored, refused);
        errors.AddRange(crossErrors);
        refused.UnionWith(crossErrors.Select(error => error.File));
        errors.AddRange(CheckAsIfPublished(checker, accepted, hidden, stored, refused));
        errors.AddRange(CheckWhatCouldBeRead(checker, files, accepted, hidden, stored, refused, today));

        var acceptedFiles = accepted.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
        var write = parsed
            .Where(file => acceptedFiles.Contains(file.File))
            .Where(file => !stored.TryGetValue(file.File, out var old) || old.Hash != file.Fingerprint)
            .ToList();
        var rewritten = write.Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        var remove = stored.Keys
            .Where(file => !refused.Contains(file) && (!acceptedFiles.Contains(file) || rewritten.Contains(file)))
            .ToList();

        var changes = AddressChanges.Find(stored, remove, write.Select(file => file.Article!).ToList(),
            hidden.Select(article => article.File).ToHashSet(StringComparer.Ordinal));
        warnings.AddRange(changes.Where(change => change.IsEntryRename).Select(RenameNotice));

        var next = hidden.Where(article => !article.Draft).Select(article => (DateOnly?)article.Published).Min();
        var outcomes = files.Select(file => file.File).Concat(unreadable.Select(error => error.File)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(file => Outcome(file, files.FirstOrDefault(candidate => candidate.File == file), refused, stored, today))
            .ToList();
        return new ImportPlan(kinds, write, remove, errors, warnings, next, outcomes, changes);
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
        var (_, errors, warnings) = checker.Check([.. accepted, .. hidden], [], stored, refused);
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
        var (_, errors, warnings) = checker.Check([.. accepted, .. partials.Values], hidden, stored, others);
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

    /// <summary>The redirect of a rename lives only in the store, which is derived data; an alias in the file keeps it for good.</summary>
    private static ContentError RenameNotice(AddressChange rename) =>
        new(rename.File, rename.Line, 1, $"Renamed: {rename.Path} → {rename.MovedTo}; the old address now redirects. "
            + $"Add '- **Aliases:** {rename.Path.Split('/')[^1]}' to the entry to make it permanent.");

    private static bool IsDue(ParsedArticle article, DateOnly today) => !article.Draft && article.Published <= today;
}
