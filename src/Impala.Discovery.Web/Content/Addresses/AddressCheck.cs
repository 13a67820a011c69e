namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// <c>check --base</c>'s comparison: every address the base content published must still answer in the working
/// content (a page, an alias's redirect or a removal record's 410), or the change is refused at the place that changed,
/// with the exact line to add. Addresses of files refused for their own mistakes are left out: their last good version
/// stays online, and their own errors say what to fix.
/// </summary>
public static class AddressCheck
{
    public static List<AddressProblem> Compare(ContentEvaluation baseContent, ContentEvaluation working)
    {
        var before = PublishedAddresses.Of(baseContent);
        var after = PublishedAddresses.Of(working);
        var refused = working.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        var workingArticles = working.Plan?.Write.Select(file => file.Article!).ToList() ?? [];
        var baseArticles = baseContent.Plan?.Write.Select(file => file.Article!).ToDictionary(article => article.File, StringComparer.Ordinal)
            ?? new Dictionary<string, ParsedArticle>(StringComparer.Ordinal);

        var problems = new List<AddressProblem>();
        foreach (var (path, was) in before.Where(pair => !after.ContainsKey(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (refused.Contains(was.File))
            {
                continue;
            }

            var slug = path[(path.LastIndexOf('/') + 1)..];
            if (was.RedirectsTo is { } target && after.TryGetValue(target, out var now) && now.RedirectsTo is null && !now.Gone)
            {
                // An alias dropped while the page it led to is still there: put the alias back.
                problems.Add(now.EntryKind is null
                    ? new(new(now.File, 1, 1, $"{path} redirected to {target} and would stop working. Keep 'aliases: [{slug}]' in the front matter."),
                        new(AddressFixKind.ArticleAlias, now.File, 1, slug))
                    : new(new(now.File, now.Line, 1, $"{path} redirected to {target} and would stop working. Keep '- **Aliases:** {slug}' in the facts of '{now.EntryName}'."),
                        new(AddressFixKind.EntryAlias, now.File, now.Line, slug)));
                continue;
            }

            var successor = SuccessorArticle(was.File, baseArticles, workingArticles, before);
            if (path.StartsWith(SitePaths.Series + "/", StringComparison.Ordinal) && successor is not null)
            {
                problems.Add(new(new(successor.File, 1, 1, $"{path} was published and would stop working. Add 'aliases: [{slug}]' to the front matter "
                    + $"to keep it leading here, or record its removal in {RemovalRecords.FileName}."), new(AddressFixKind.ArticleAlias, successor.File, 1, slug)));
                continue;
            }

            var entry = was.EntryKind is null || was.RedirectsTo is not null ? null
                : successor?.Entries.FirstOrDefault(candidate => candidate.Rank == was.EntryRank && successor.Kind == was.EntryKind
                    && !before.ContainsKey(SitePaths.Entry(successor.Kind, candidate.Slug)));
            if (entry is not null)
            {
                problems.Add(new(new(successor!.File, entry.Line, 1, $"{path} ('{was.EntryName}') was published and would stop working. If '{entry.Name}' is "
                    + $"the same {SingularOf(was.EntryKind!, working)} renamed, add '- **Aliases:** {slug}' to its facts; otherwise record the removal in "
                    + $"{RemovalRecords.FileName}."), new(AddressFixKind.EntryAlias, successor.File, entry.Line, slug)));
                continue;
            }

            var (file, line) = successor is not null ? (successor.File, LineNear(successor, was)) : (RemovalRecords.FileName, 1);
            problems.Add(new(new(file, line, 1, $"{path} was published and would stop working ({What(was)}). Keep it answering: record its removal in "
                + $"{RemovalRecords.FileName} (under 'removed:', '- path: {path}' and a 'reason:' line visitors will read), or put it back."),
                new(AddressFixKind.Removal, RemovalRecords.FileName, 0, path)));
        }

        return problems;
    }

    /// <summary>The working article that carries on a base article: the same file, or the one its entries moved to (a renamed file).</summary>
    private static ParsedArticle? SuccessorArticle(
        string file, Dictionary<string, ParsedArticle> baseArticles, List<ParsedArticle> working, Dictionary<string, PublishedAddress> before)
    {
        if (working.FirstOrDefault(article => article.File == file) is { } same)
        {
            return same;
        }

        if (!baseArticles.TryGetValue(file, out var old))
        {
            return null;
        }

        var oldPaths = old.EntryPaths.ToHashSet(StringComparer.Ordinal);
        return working.Where(article => !baseArticles.ContainsKey(article.File))
            .FirstOrDefault(article => article.EntryPaths.Any(oldPaths.Contains) || article.Slug == old.Slug);
    }

    private static int LineNear(ParsedArticle article, PublishedAddress was) =>
        article.Entries.FirstOrDefault(entry => entry.Rank == was.EntryRank)?.Line ?? (article.Entries.Count > 0 ? article.Entries[^1].Line : 1);

    private static string What(PublishedAddress was) => was switch
    {
        { Gone: true } => "its removal record is gone",
        { RedirectsTo: { } target } => $"it redirected to {target}",
        { EntryName: { } name } => $"'{name}' is no longer there",
        _ => "its page is no longer there",
    };

    private static string SingularOf(string kind, ContentEvaluation working) =>
        working.Kinds?.Catalog.Find(kind)?.Singular.ToLowerInvariant() ?? "entry";
}
