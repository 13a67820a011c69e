using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The checks that need every article at once: unique addresses across files, and links that lead somewhere.
/// An article that fails them is refused like one with a parse error, and the store keeps its last good version.
/// </summary>
/// <param name="kinds">The catalogue the articles were parsed against.</param>
/// <param name="removed">Addresses content/removed.yml records: a link to one leads to a 410 page, which the planner warns about.</param>
/// <param name="history">When each article was first published: the first keeps an address two articles claim.</param>
public sealed class CrossArticleChecker(KindCatalog kinds, IReadOnlySet<string> removed, FirstPublication history)
{
    private const string NotRefusedForNow = "(Not refused for now:";

    /// <summary>
    /// True for the warning of a link that leads nowhere, which was let through because it may lead into a refused file
    /// no one knows the addresses of: the article it is in was accepted only because no one could tell.
    /// </summary>
    public static bool IsUncheckedLink(ContentError warning) => warning.Message.Contains(NotRefusedForNow, StringComparison.Ordinal);

    /// <param name="candidates">Parsed articles that are due to be shown, in file order.</param>
    /// <param name="hidden">Parsed drafts and articles scheduled for later: not shown, so not linkable yet.</param>
    /// <param name="stored">What the store holds, by file.</param>
    /// <param name="refused">Files that failed to parse: their stored version stays and counts as a link target.</param>
    /// <returns>
    /// The articles that pass, the errors that refuse the others, and warnings: while a refused file has no stored
    /// version, nobody knows which addresses it holds, so a link that leads nowhere may lead into it. Such a link is
    /// a warning then, not a reason to refuse a second article for the first one's mistake. And the addresses that
    /// refused files' last good versions give up, by file (see <see cref="Yielded"/>).
    /// </returns>
    public (List<ParsedArticle> Accepted, List<ContentError> Errors, List<ContentError> Warnings, Dictionary<string, List<string>> Yielded) Check(
        IReadOnlyList<ParsedArticle> candidates,
        IReadOnlyList<ParsedArticle> hidden,
        IReadOnlyDictionary<string, StoredArticle> stored,
        IReadOnlySet<string> refused)
    {
        var unknown = refused.Where(file => !stored.ContainsKey(file)).Order(StringComparer.Ordinal).ToList();
        var hiddenPaths = hidden.SelectMany(article => article.EntryPaths)
            .ToHashSet(StringComparer.Ordinal);
        var kept = refused.Where(stored.ContainsKey).Select(file => stored[file]).ToList();

        // Links are checked against every due article, even one refused here for its own mistakes: refusing an
        // article must not ripple through every article that links to it.
        // Who keeps a contested address is decided by the content alone, so every instance decides alike: the article
        // that published it first keeps it (see Keepers). A refused file's last good version keeps what it holds while
        // it is online.
        var contested = Contested(candidates);
        var firstCommits = history.CommitTimes(contested.Values.SelectMany(claimants => claimants).Select(article => article.File).Distinct());
        var byPublication = candidates
            .OrderBy(article => firstCommits.GetValueOrDefault(article.File, long.MaxValue))
            .ThenBy(article => article.Published)
            .ThenBy(article => article.File, StringComparer.Ordinal)
            .ToList();
        var keepers = Keepers(contested, firstCommits, stored);
        var yielded = Yielded(candidates, kept);
        var (errors, linkProblems) = FindProblems(byPublication, kept, yielded, hiddenPaths, firstCommits, keepers);
        // A last good version gives an address up only to an article that is accepted: given to one refused for another
        // mistake, nobody served it (a file renamed with git mv, its old address in 'aliases:', took 19 associations off a
        // running site: found by replay 12, F). Refusing them can only refuse more, so this ends.
        var refusedClaimants = new HashSet<string>(StringComparer.Ordinal);
        while (yielded.Count > 0)
        {
            var refusedBefore = refusedClaimants.Count;
            refusedClaimants.UnionWith(errors.Select(error => error.File));
            if (refusedClaimants.Count == refusedBefore)
            {
                break;
            }

            var fewer = Yielded(candidates.Where(article => !refusedClaimants.Contains(article.File)).ToList(), kept);
            if (SameYields(fewer, yielded))
            {
                break;
            }

            yielded = fewer;
            (errors, linkProblems) = FindProblems(byPublication, kept, yielded, hiddenPaths, firstCommits, keepers);
        }

        var warnings = new List<ContentError>();
        if (unknown.Count == 0)
        {
            errors.AddRange(linkProblems);
        }
        else
        {
            var unread = unknown.Count == 1
                ? $"{unknown[0]}, which is refused"
                : $"one of {string.Join(", ", unknown)}, which are refused";
            warnings.AddRange(linkProblems.Select(problem => problem with
            {
                Message = $"{problem.Message} {NotRefusedForNow} it may lead into {unread} and so could not be checked.)",
            }));
        }

        var failed = errors.Select(error => error.File).ToHashSet();
        return (candidates.Where(article => !failed.Contains(article.File)).ToList(), errors, warnings, yielded);
    }

    /// <summary>
    /// The addresses a refused file's last good version gives up: those an article due now claims, which the history
    /// says published it before that version's file did (as a new instance, which has no last good versions, decides).
    /// Held, they refused that article in turn, and both stayed refused, each naming the other, after a label dropped
    /// and given to a newcomer came back with a revert (found by replay 4). As <see cref="Keepers"/> decides: two that
    /// published it in one commit, the file committed first. Where the history cannot tell, the last
    /// good version keeps what it holds.
    /// </summary>
    private Dictionary<string, List<string>> Yielded(IReadOnlyList<ParsedArticle> candidates, List<StoredArticle> kept)
    {
        var yielded = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (kept.Count == 0)
        {
            return yielded;
        }

        var keptPaths = kept.SelectMany(article => Yieldable(article).Select(held => held.Path)).ToHashSet(StringComparer.Ordinal);
        var claims = candidates.SelectMany(article => article.EntryPaths.Concat(article.Paths).Where(keptPaths.Contains).Select(path => (Path: path, Article: article)))
            .ToLookup(claim => claim.Path, claim => claim.Article, StringComparer.Ordinal);
        if (claims.Count == 0)
        {
            return yielded;
        }

        var firstCommits = history.CommitTimes(claims.SelectMany(claim => claim).Select(article => article.File).Concat(kept.Select(article => article.File)).Distinct());
        foreach (var holder in kept)
        {
            foreach (var (path, livesThere) in Yieldable(holder))
            {
                if (claims.Contains(path))
                {
                    var files = claims[path].Select(article => article.File).Append(holder.File).ToHashSet(StringComparer.Ordinal);
                    var holderSince = history.PublishedSince(holder.File, path, kinds, files);
                    var holderRank = HistoryRank(holderSince, holder.File, firstCommits);
                    // Not to the file it was renamed to: the same article, whose rename was refused (the old address is
                    // linked to). Given the entries, it went online without the address the old name's version kept, while
                    // a new store kept that version whole (found by replay 13, H).
                    if (claims[path].Where(claimant => !history.IsRenameOf(claimant.File, holder.File)).Any(claimant => history.PublishedSince(claimant.File, path, kinds, files) is var since
                        && HistoryRank(since, claimant.File, firstCommits).CompareTo(holderRank) switch
                        {
                            < 0 => true,
                            // A tie the history dates for both goes on as Keepers goes on: the one that lives there, then
                            // by the date, then the file name.
                            0 => since is not null && holderSince is not null
                                && (LivesAt(claimant, path) != livesThere ? LivesAt(claimant, path)
                                    : claimant.Published != holder.Published ? claimant.Published < holder.Published
                                    : string.CompareOrdinal(claimant.File, holder.File) < 0),
                            _ => false,
                        }))
                    {
                        (yielded.TryGetValue(holder.File, out var paths) ? paths : yielded[holder.File] = []).Add(path);
                    }
                }
            }
        }

        return yielded;
    }

    private static bool SameYields(Dictionary<string, List<string>> one, Dictionary<string, List<string>> other) =>
        one.Count == other.Count && one.All(pair => other.TryGetValue(pair.Key, out var paths) && paths.SequenceEqual(pair.Value));

    /// <summary>
    /// The addresses a last good version can give up, each with whether it lives there: its entries' addresses and former
    /// addresses, and its own addresses under /series. A newcomer that took the milestones' address as a former one while
    /// they were dated later held it when they came back, and both stayed refused, each naming the other (found by the
    /// instance agreement fuzzer). Its own address too: then it is no last good version (see <see cref="Withdrawn"/>), as
    /// on a new store; kept whole, a newcomer that took the venues' address by its file name while they were dated later
    /// refused them when they came back (seed 82016).
    /// </summary>
    private static IEnumerable<(string Path, bool LivesThere)> Yieldable(StoredArticle holder) =>
        holder.Entries.SelectMany(entry => entry.Paths.Select(path => (path, path == entry.Path)))
            .Concat(holder.Aliases.Select(alias => (SitePaths.Article(alias), false)))
            .Append((SitePaths.Article(holder.Slug), true));

    /// <summary>True when the last good version gives up its own address: it goes off the site whole, holding nothing.</summary>
    public static bool Withdrawn(StoredArticle kept, IReadOnlyDictionary<string, List<string>> yielded) =>
        yielded.TryGetValue(kept.File, out var paths) && paths.Contains(SitePaths.Article(kept.Slug));

    /// <summary>The addresses more than one candidate claims, with the articles that claim each: only their history is needed.</summary>
    private static Dictionary<string, List<ParsedArticle>> Contested(IReadOnlyList<ParsedArticle> candidates)
    {
        // One pass over every address, which each import makes: at 10,000 entries, grouping them took a tenth of an edit.
        var firstClaim = new Dictionary<string, ParsedArticle>(AddressCount(candidates, []), StringComparer.Ordinal);
        var contested = new Dictionary<string, List<ParsedArticle>>(StringComparer.Ordinal);
        foreach (var article in candidates)
        {
            foreach (var path in article.EntryPaths.Concat(article.Paths))
            {
                if (!firstClaim.TryAdd(path, article) && firstClaim[path] is var holder && holder.File != article.File)
                {
                    if (!contested.TryGetValue(path, out var claimants))
                    {
                        contested[path] = claimants = [holder];
                    }

                    if (!claimants.Contains(article))
                    {
                        claimants.Add(article);
                    }
                }
            }
        }

        return contested;
    }

    /// <summary>
    /// Who keeps each contested address: the article that published it first (<see cref="FirstPublication.PublishedSince"/>),
    /// as its own address or as a former one (an alias published is an address members link to: the history kept it for
    /// a refused file's last good version, and a newcomer that would live there took it from an accepted one, so the two
    /// files were refused naming each other; found by replay 9), so that an older article edited to take an address a
    /// newer one published is the one refused; two that published it in one commit (an amended commit, found by
    /// replay 5), the file committed first; then one that lives there before one that only names it as a former address,
    /// and where that ties too (a squashed history), by 'published:' and file name; where the history cannot tell (claims
    /// not committed yet, a folder outside git), the one that lives there, then the one the store serves it from, then the
    /// article first committed, then published, then by file name. Without the
    /// store's word there, a newcomer dated earlier went first, was refused in turn by the served article's last good
    /// version, and both stayed refused, each naming the other (issue 21).
    /// </summary>
    private Dictionary<string, (string File, long? Since)> Keepers(
        Dictionary<string, List<ParsedArticle>> contested, IReadOnlyDictionary<string, long> firstCommits,
        IReadOnlyDictionary<string, StoredArticle> stored)
    {
        var keepers = new Dictionary<string, (string File, long? Since)>(contested.Count, StringComparer.Ordinal);
        foreach (var (path, claimants) in contested)
        {
            var files = claimants.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
            var claims = claimants.Select(article => (Article: article, Since: history.PublishedSince(article.File, path, kinds, files))).ToList();
            // Where the history dates every claim, a tie in it goes on by the content alone: a history squashed into one
            // commit dates them all alike, and the store's word made a running site decide otherwise than a new one
            // (found by replay 7).
            var historyDatesAll = claims.All(claim => claim.Since is not null);
            var keeper = claims
                .OrderBy(claim => HistoryRank(claim.Since, claim.Article.File, firstCommits))
                .ThenBy(claim => LivesAt(claim.Article, path) ? 0 : 1)
                .ThenBy(claim => !historyDatesAll && stored.TryGetValue(claim.Article.File, out var served) && Serves(served, path) ? 0 : 1)
                .ThenBy(claim => firstCommits.GetValueOrDefault(claim.Article.File, long.MaxValue))
                .ThenBy(claim => claim.Article.Published)
                .ThenBy(claim => claim.Article.File, StringComparer.Ordinal)
                .First();
            keepers[path] = (keeper.Article.File, keeper.Since);
        }

        return keepers;
    }

    /// <summary>
    /// Where the history puts a claim, earliest first: when the file published the address, then, for two that did in
    /// one commit, when the file was first committed. A claim the history does not know (not committed) comes last.
    /// One order for <see cref="Keepers"/> and <see cref="Yielded"/>, so that a last good version gives up exactly
    /// what a new store would give another article.
    /// </summary>
    private static (long Since, long FirstCommit) HistoryRank(long? since, string file, IReadOnlyDictionary<string, long> firstCommits) =>
        (since ?? long.MaxValue, since is null ? long.MaxValue : firstCommits.GetValueOrDefault(file, long.MaxValue));

    private static bool Serves(StoredArticle served, string path) => served.EntryPaths.Contains(path) || served.Paths.Contains(path);

    /// <summary>True when the address is the article's or one of its entries' own, not a former one (an alias).</summary>
    private static bool LivesAt(ParsedArticle article, string path) =>
        path == SitePaths.Article(article.Slug) || article.Entries.Any(entry => SitePaths.Entry(article.Kind, entry.Slug) == path);

    // Sized up front: at 10,000 entries, growing these tables again and again cost an edit's import about 10 ms.
    private static int AddressCount(IReadOnlyList<ParsedArticle> articles, List<StoredArticle> kept) =>
        articles.Sum(article => article.EntryPaths.Count + article.Paths.Count) + kept.Sum(article => article.EntryPaths.Count);

    private (List<ContentError> Errors, List<ContentError> LinkProblems) FindProblems(
        List<ParsedArticle> accepted, List<StoredArticle> kept, Dictionary<string, List<string>> yielded, HashSet<string> hiddenPaths,
        IReadOnlyDictionary<string, long> firstCommits, Dictionary<string, (string File, long? Since)> keepers)
    {
        var errors = new List<ContentError>();
        var linkProblems = new List<ContentError>();
        var articleSlugs = new Dictionary<string, string>(accepted.Count + kept.Count, StringComparer.Ordinal);
        var entryPaths = new Dictionary<string, string>(AddressCount(accepted, kept), StringComparer.Ordinal);
        foreach (var article in kept.Where(article => !Withdrawn(article, yielded)))
        {
            var givenUp = yielded.GetValueOrDefault(article.File);
            foreach (var slug in article.Aliases.Where(alias => givenUp?.Contains(SitePaths.Article(alias)) != true).Prepend(article.Slug))
            {
                articleSlugs.TryAdd(slug, article.File);
            }

            foreach (var path in article.EntryPaths.Where(path => givenUp?.Contains(path) != true))
            {
                entryPaths.TryAdd(path, article.File);
            }
        }

        // A refused file's last good version holds what it holds, but for what it gives up; after it, each contested address goes to its keeper.
        foreach (var (path, keeper) in keepers)
        {
            if (path.StartsWith(SitePaths.Series + "/", StringComparison.Ordinal))
            {
                articleSlugs.TryAdd(path[(SitePaths.Series.Length + 1)..], keeper.File);
            }
            else
            {
                entryPaths.TryAdd(path, keeper.File);
            }
        }

        var keptFiles = kept.Select(article => article.File).ToHashSet(StringComparer.Ordinal);
        var published = accepted.ToDictionary(article => article.File, article => firstCommits.TryGetValue(article.File, out var seconds)
            ? $"first committed {DateTimeOffset.FromUnixTimeSeconds(seconds):yyyy-MM-dd HH:mm} UTC"
            : $"published {article.Published:yyyy-MM-dd}", StringComparer.Ordinal);
        string Holder(string file, string path) => keptFiles.Contains(file)
            ? $"{file} (its last good version is online while it is refused)"
            : keepers.TryGetValue(path, out var keeper) && keeper.File == file && keeper.Since is { } since
                ? $"{file} (published there since {DateTimeOffset.FromUnixTimeSeconds(since):yyyy-MM-dd HH:mm} UTC; the article that published an address first keeps it)"
                : $"{file} ({published[file]}; the article published first keeps an address)";

        // Who holds each address is settled above (a last good version, then each contested address's keeper); this
        // finds the claims that lose, addresses first and former addresses (aliases) after.
        foreach (var formerAddresses in new[] { false, true })
        {
            foreach (var article in accepted)
            {
                foreach (var slug in formerAddresses ? article.Aliases : [article.Slug])
                {
                    if (!articleSlugs.TryAdd(slug, article.File) && articleSlugs[slug] != article.File)
                    {
                        errors.Add(new(article.File, formerAddresses ? Math.Max(1, article.AliasesLine) : 1, 1,
                            $"The article address /series/{slug} is held by {Holder(articleSlugs[slug], SitePaths.Article(slug))}. "
                            + "Rename one of the two files, or remove the former address from 'aliases'."));
                    }
                }

                foreach (var entry in article.Entries)
                {
                    foreach (var slug in formerAddresses ? entry.Aliases : [entry.Slug])
                    {
                        // Two entries of one file at one address are the parser's to report; only clashes between files are new here.
                        var path = SitePaths.Entry(article.Kind, slug);
                        if (!entryPaths.TryAdd(path, article.File) && entryPaths[path] != article.File)
                        {
                            errors.Add(formerAddresses
                                ? new(article.File, entry.AliasesLine > 0 ? entry.AliasesLine : entry.Line, 1,
                                    $"'{entry.Name}' names {path} in its Aliases, but that address is held by {Holder(entryPaths[path], path)}. "
                                    + $"Remove '{slug}' from its Aliases.")
                                : new(article.File, entry.SlugLine > 0 ? entry.SlugLine : entry.Line, 1,
                                    $"'{entry.Name}' would live at {path}, held by {Holder(entryPaths[path], path)}. "
                                    + "Give it a '- **Slug:** ...' line with another address, or remove the duplicate."));
                        }
                    }
                }
            }
        }

        // A country has a page once some entry names it.
        var countriesWithEntries = kept.Where(article => !Withdrawn(article, yielded)).SelectMany(article => article.CountrySlugs)
            .Concat(accepted.SelectMany(article => article.Entries).SelectMany(entry => entry.Countries).Select(country => country.Slug))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var article in accepted)
        {
            foreach (var link in article.Links)
            {
                if (ProblemWith(link.Path, articleSlugs, entryPaths, hiddenPaths, countriesWithEntries) is { } problem)
                {
                    linkProblems.Add(new(article.File, link.Line, link.Column, problem));
                }
            }
        }

        return (errors, linkProblems);
    }

    private string? ProblemWith(
        string path, Dictionary<string, string> articleSlugs, Dictionary<string, string> entryPaths, HashSet<string> hiddenPaths, HashSet<string> countriesWithEntries)
    {
        switch (PageAddress.FromPath(path.Length == 0 ? SitePaths.Home : path))
        {
            // An entry the site serves, even of a kind kinds.yml no longer has: a refused file's last good version stays
            // online, so a link into it leads somewhere (found by replay 6: a kind renamed in kinds.yml alone refused
            // every article that linked into its article, and their edits were not taken).
            case { Type: PageType.Entry } when entryPaths.ContainsKey(path):
                return null;
            case { Type: PageType.KindIndex, Kind: { } key } when kinds.Find(key) is null:
                break;
            case { Type: PageType.KindIndex } or { Type: PageType.Home or PageType.About or PageType.Series or PageType.Countries or PageType.Artists or PageType.Search }:
                return null;
            case { Type: PageType.Article, Slug: { } slug }:
                return articleSlugs.ContainsKey(slug) || removed.Contains(path) ? null
                    : $"The link {path} leads to no article. {Suggestions.DidYouMean(slug, articleSlugs.Keys)}Article addresses are /series/ and the file name without its date.";
            case { Type: PageType.Country, Slug: { } slug }:
                if (countriesWithEntries.Contains(slug))
                {
                    return null;
                }

                return KnownCountries.FindBySlug(slug) is { } country
                    ? $"The link {path} leads to {country.Name}, which has no page yet: a country gets one when an entry names it. Remove the link, or link it once such an entry is published."
                    : $"The link {path} leads to no country. {Suggestions.DidYouMean(slug, countriesWithEntries)}Country addresses look like /countries/czech-republic.";
            case { Type: PageType.Entry, Kind: { } key, Slug: { } slug } when kinds.Find(key) is { } kind:
                if (entryPaths.ContainsKey(path) || removed.Contains(path))
                {
                    return null;
                }

                if (hiddenPaths.Contains(path))
                {
                    return $"The link {path} leads to an entry that is not published yet (its article is a draft or dated in the future). Link to it once it is out.";
                }

                var slugsOfKind = entryPaths.Keys.Select(other => PageAddress.TryParse(other, out var entry) && entry.Kind == kind.Key ? entry.Slug : null).OfType<string>();
                return $"The link {path} leads to no {kind.Singular.ToLowerInvariant()}. {Suggestions.DidYouMean(slug, slugsOfKind)}"
                    + $"Check the address on the {kind.Singular.ToLowerInvariant()}'s page, or remove the link.";
        }

        if (SitePaths.FixedPages.Contains(path))
        {
            return null;
        }

        return $"The link {path} leads to no page of this site. Link to entries as /{kinds.Kinds[0].Key}/their-name, or use a full https:// address.";
    }
}
