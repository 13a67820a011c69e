using System.Collections.Concurrent;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The last good version of a file the store never held, taken from the content's history. A running site keeps the
/// last version of a refused file it accepted; a new store never accepted one, and served nothing of it: a new
/// instance of content the checks refuse served less than a running one (64 addresses of the labels article answered
/// 404 after a `pull --rebase`, found by replay 7). The history says the same on every instance built from one
/// checkout: for an article, the newest committed version that a site built from the commit that brought it accepted
/// (a newcomer refused from its first commit has none, as on a running site); for kinds.yml and removed.yml, the newest
/// committed version that reads well.
/// A site built from a commit held, for each file refused there, its own last good version: the commit is evaluated so,
/// its refused files looked up in the history before it in turn. Evaluated without them, a commit accepted a newcomer
/// that named an entry the refused file's version kept, or refused a link into it (found by replay 10).
/// </summary>
/// <param name="contentRoot">The content folder, in a git checkout or not (then nothing is found).</param>
/// <param name="parser">A parser like the site's; a new one of its kind reads each commit, so the site's own keeps its files.</param>
/// <param name="revision">For a site built from a commit: the commit, before which its history ends. Null for the checkout.</param>
/// <param name="budget">The commits left to evaluate in this import, shared with the commits evaluated for it.</param>
public sealed class LastGoodFromHistory(string contentRoot, IsolatedArticleParser parser, string? revision = null, CommitBudget? budget = null)
{
    /// <summary>At most this many committed versions of one file are looked at, newest first.</summary>
    public const int VersionsTried = 50;

    /// <summary>
    /// At most this many commits are evaluated in one import: each is an evaluation of all the content there. The
    /// checked-out commit answers for every file at once; an older one only for a version that parses on its own.
    /// </summary>
    public const int CommitsEvaluated = 12;

    // The articles a site built from a commit accepted, each with whether it showed it (not a draft or dated later), by
    // content folder, commit and day: a commit never changes, and a refused file asks again at every import until it is fixed.
    private static readonly ConcurrentDictionary<(string Root, string Commit, DateOnly Today), IReadOnlyDictionary<string, bool>> AcceptedAt = new();

    /// <summary>
    /// For each of <paramref name="files"/> that has one, its last good version: first the version a site built from the
    /// commit checked out accepted (the file was broken since, in the working tree), then each committed version, newest
    /// first, that a site built from the commit that brought it accepted (the checked-out commit refuses it: a later
    /// newcomer or a kinds.yml change, or a mistake committed). With them, how many files were not looked up: past
    /// <see cref="CommitsEvaluated"/>, the rest wait for the next evaluation (the commits evaluated are remembered).
    /// </summary>
    /// <param name="files">The files to look up.</param>
    /// <param name="today">The day the site stands on.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <param name="notAfter">For some files, the commit of the newest version to consider: one that held addresses a
    /// later version took out (see <see cref="LinkedAddressesTakenOut"/>).</param>
    /// <param name="takenByAnother">Whether a file's version lives at an article address that another article's version
    /// holds and published before it: such a version is no last good version (an older one may be). One that only
    /// names such an address, as an entry or a former address, gives it up instead, as a running site's does.</param>
    public async Task<(IReadOnlyList<HistoricVersion> Found, int NotLookedUp)> ArticlesAsync(
        IReadOnlyList<string> files, DateOnly today, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? notAfter = null,
        Func<string, CommittedVersion, bool>? takenByAnother = null)
    {
        var found = new List<HistoricVersion>();
        var lookedUp = 0;
        var history = new FirstPublication(contentRoot, revision);
        var head = revision ?? GitCommand.Run(contentRoot, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")?.Trim();
        var commits = budget ?? new CommitBudget(CommitsEvaluated);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            lookedUp++;
            var newest = notAfter?.GetValueOrDefault(file);
            // A site built from a commit looks only before it: its answers are not the checkout's for that commit.
            var asked = (contentRoot, file, revision is null ? head : "before " + revision, today, newest);
            if (Known.TryGetValue(asked, out var known))
            {
                if (known is not null)
                {
                    found.Add(known);
                }

                continue;
            }

            var before = found.Count;
            var passedOver = false;
            // At a commit, the file's version there is the one refused: its last good version is an older one.
            var newestFirst = history.CommittedVersions(file).Reverse().ToList();
            // The version that took the linked address out, where a site built from its commit took it (shown or a
            // draft): no guard refused that change (another article answered the address there), so a running site
            // holds nothing of the file from then on. Brought back, the version before it took the address from the
            // article that answered it (seed 84018: an article renamed with git mv, then a draft, its old name back).
            var takingOut = newest is null ? -1 : newestFirst.FindIndex(version => version.Commit == newest) - 1;
            if (takingOut >= 0 && newestFirst[takingOut].Commit != revision)
            {
                var at = newestFirst[takingOut].Commit;
                if (!AcceptedAt.TryGetValue((contentRoot, at, today), out var verdict))
                {
                    if (!commits.TrySpend() || await AcceptedAtAsync(at, today, commits, cancellationToken) is not { } verdictNow)
                    {
                        return (found, files.Count - lookedUp + 1);
                    }

                    verdict = AcceptedAt[(contentRoot, at, today)] = verdictNow;
                }

                if (verdict.ContainsKey(ContentFolder.ArticlesFolderName + "/" + Path.GetFileName(newestFirst[takingOut].Path)))
                {
                    Remember(asked, null);
                    continue;
                }
            }

            var versions = newestFirst.Where(version => version.Commit != revision)
                .SkipWhile(version => newest is not null && version.Commit != newest).Take(VersionsTried).ToList();
            var candidates = versions.Take(1).Where(_ => head is not null && newest is null && revision is null).Select(version => (Version: version, At: head!))
                .Concat(versions.SelectMany(version => CommitsWhileCurrent(history, newestFirst, version).Where(commit => commit != revision)
                    .Select(commit => (Version: version, At: commit))))
                .Distinct();
            foreach (var (version, at) in candidates)
            {
                // Where the commit's verdict is known already, a version it refused costs no git at all.
                var then = ContentFolder.ArticlesFolderName + "/" + Path.GetFileName(version.Path);
                var accepted = AcceptedAt.TryGetValue((contentRoot, at, today), out var verdict) ? verdict : null;
                if ((accepted is not null && !accepted.ContainsKey(then)) || GitCommand.Run(contentRoot, "cat-file", "blob", version.Blob) is not { } text)
                {
                    continue;
                }

                // kinds.yml as it stood when the version was last the file's: a running site wrote it again under each
                // catalogue that came while it was accepted, so under that one last; or else as its own commit held it.
                // Read with an older catalogue, a version lost what a fact's newer type gives (artists' pages: found by
                // replay 9).
                var kindsThen = CataloguesWhileCurrent(history, newestFirst, version).Select(KindsAt)
                    .FirstOrDefault(catalogue => catalogue is not null && new ArticleParser(catalogue.Catalog).Parse(then, text).Succeeded);
                if (accepted is null)
                {
                    // Only a version that parses on its own is worth evaluating all the content of its commit for.
                    if (at != head && kindsThen is null)
                    {
                        continue;
                    }

                    if (!commits.TrySpend() || await AcceptedAtAsync(at, today, commits, cancellationToken) is not { } verdictNow)
                    {
                        return (found, files.Count - lookedUp + 1);
                    }

                    accepted = AcceptedAt[(contentRoot, at, today)] = verdictNow;
                }

                if (accepted.TryGetValue(then, out var shown))
                {
                    // Accepted there as a draft or dated later: a running site that took it showed nothing of the file
                    // from then on, and holds no version of it. An older version found instead brought back what a running
                    // site had taken off (found by replay 12, G: the milestones dated 2030, then broken).
                    if (!shown)
                    {
                        break;
                    }

                    if (takenByAnother?.Invoke(file, version) == true)
                    {
                        passedOver = true;
                        continue;
                    }

                    found.Add(new(new ContentFile(then, text), file, version.Commit, kindsThen, at));
                    break;
                }
            }

            // What another article holds changes from one import to the next: a version passed over for it is asked again.
            if (!passedOver)
            {
                Remember(asked, found.Count > before ? found[^1] : null);
            }
        }

        return (found, 0);
    }

    // Each file's answer while the checkout's commit stays (found or not): a file refused with no last good version asked
    // git for every version of it at every edit's import. A few hundred at most; forgotten all at once past that.
    private static readonly ConcurrentDictionary<(string Root, string File, string? Head, DateOnly Today, string? NotAfter), HistoricVersion?> Known = new();

    private static void Remember((string Root, string File, string? Head, DateOnly Today, string? NotAfter) key, HistoricVersion? answer)
    {
        if (Known.Count > 500)
        {
            Known.Clear();
        }

        Known[key] = answer;
    }

    /// <summary>
    /// Of the files the store holds no version of (<paramref name="candidates"/>, and files deleted in the history that
    /// are not in <paramref name="known"/>), those whose committed history published one of the addresses, taken out in a
    /// commit where another article linked to it, each with the commit of the newest version that held it. A running site
    /// refused that change (see <see cref="LinkedAddressGuard"/>) and kept the version that held it online, while a new
    /// store took the change and refused the articles that link there: an article deleted, or an entry moved into a draft,
    /// took 20 labels off a new store that a running one served (found by replay 9). A change made where nothing linked
    /// there was taken by a running site too: the address is gone on both, and a link added since leads nowhere on both.
    /// </summary>
    public Dictionary<string, string> LinkedAddressesTakenOut(
        IReadOnlySet<string> addresses, IEnumerable<string> candidates, IReadOnlySet<string> known, KindCatalog kinds, DateOnly today)
    {
        var history = new FirstPublication(contentRoot, revision);
        var deleted = DeletedFiles().Where(pair => !known.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in candidates.Concat(deleted.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (held, heldIn, takenOutIn) = history.LastHeld(file, addresses, kinds, today);
            string? renamedTo = null;
            if (takenOutIn is null && deleted.TryGetValue(file, out var deletion))
            {
                (takenOutIn, renamedTo) = deletion;
            }

            // Taken out since the last commit: the links that lead there now are the ones the change met.
            if (heldIn is not null && held.Any(address => takenOutIn is null || LinkedAt(takenOutIn, address, file, renamedTo)))
            {
                found[file] = heldIn;
            }
        }

        return found;
    }

    // The article files deleted along the checkout's main line, each with the newest commit that deleted it and the
    // name it was renamed to there, if it was; per tip.
    private static readonly ConcurrentDictionary<(string Root, string? Head), Dictionary<string, (string Commit, string? RenamedTo)>> Deleted = new();

    private Dictionary<string, (string Commit, string? RenamedTo)> DeletedFiles()
    {
        var head = revision ?? GitCommand.Run(contentRoot, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")?.Trim();
        if (Deleted.TryGetValue((contentRoot, head), out var known))
        {
            return known;
        }

        if (Deleted.Count > 100)
        {
            Deleted.Clear();
        }

        var files = new Dictionary<string, (string Commit, string? RenamedTo)>(StringComparer.Ordinal);
        // Renames count as deletions: a site knows files by their names, and one renamed is gone under its old name.
        // The new name is kept: its own links are not another article's (see LinkedAt).
        var log = head is null ? null : GitCommand.Run(contentRoot, "log", "--first-parent", "-M", "--diff-filter=DR", "--name-status", "--relative",
            "--format=%x01%H", head, "--", ContentFolder.ArticlesFolderName + "/");
        foreach (var commit in (log ?? "").Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // "D\t<path>" or "R<score>\t<old path>\t<new path>"
            foreach (var change in lines.Skip(1).Select(line => line.Split('\t')).Where(change => change.Length >= 2))
            {
                var path = change[1];
                if (path.EndsWith(".md", StringComparison.Ordinal) && path.Count(c => c == '/') == 1)
                {
                    files.TryAdd(path, (lines[0].Trim(), change[0].StartsWith('R') && change.Length >= 3 ? change[2] : null));
                }
            }
        }

        Deleted[(contentRoot, head)] = files;
        return files;
    }

    // Whether another article file at the commit links to the address; asked of git once per commit, file and address.
    private static readonly ConcurrentDictionary<(string Root, string Commit, string Address, string File, string? RenamedTo), bool> Linked = new();

    // Where a link's address ends in Markdown: the link, its fragment or query, or its title.
    private static readonly string[] LinkEnds = [")", "#", "?", "/)", "/#", " "];

    // A file renamed at the commit is the same article under its new name there: the new name's links to its own
    // addresses are not another article's (counted so, a new store brought the old name back as an article of its own
    // beside the renamed one: found by replay 12, E).
    private bool LinkedAt(string commit, string address, string file, string? renamedTo)
    {
        if (Linked.Count > 500)
        {
            Linked.Clear();
        }

        return Linked.GetOrAdd((contentRoot, commit, address, file, renamedTo), key =>
        {
            string[] patterns = [.. LinkEnds.SelectMany(end => new[] { "-e", key.Address + end })];
            var output = GitCommand.Run(contentRoot, ["grep", "-F", "-l", .. patterns, key.Commit, "--", ContentFolder.ArticlesFolderName + "/"]);
            // A draft's links are not online: a running site's guard does not count them (seed 84018). Found by its
            // 'draft: true' line, as the front matter writes it; a draft written otherwise counts, as before.
            var drafts = (GitCommand.Run(contentRoot, ["grep", "-l", "-i", "-E", "-e", "^draft:[[:space:]]*true[[:space:]]*$", key.Commit, "--", ContentFolder.ArticlesFolderName + "/"]) ?? "")
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            return (output ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(Path.GetFileName)
                .Any(name => name != Path.GetFileName(key.File) && name != Path.GetFileName(key.RenamedTo) && !drafts.Contains(name));
        });
    }

    /// <summary>
    /// The picture a name such as "images/a38.jpg" named at a commit, checked as the site checks a file, or what is wrong
    /// with it: a last good version from the history shows the pictures of the commit it was accepted at, as a running
    /// site that accepted it then still does, even once the file was replaced or deleted (found by replay 9).
    /// </summary>
    public (CheckedPicture? Picture, string? Error) PictureAt(string commit, string name)
    {
        var atCommit = $"{commit}:./{name}";
        if (!long.TryParse(GitCommand.Run(contentRoot, "cat-file", "-s", atCommit)?.Trim(), out var length))
        {
            return (null, $"There is no picture '{name}' at commit {commit[..Math.Min(12, commit.Length)]}.");
        }

        if (length > PictureRules.MaxBytes)
        {
            return (null, PictureCodec.TooLarge(length));
        }

        using var output = new MemoryStream();
        if (!GitCommand.RunToStream(contentRoot, output, "cat-file", "blob", atCommit))
        {
            return (null, $"The picture '{name}' could not be read at commit {commit[..Math.Min(12, commit.Length)]}.");
        }

        var bytes = output.ToArray();
        var (picture, error) = PictureCodec.Check(bytes);
        return picture is null ? (null, error) : (picture with { GitBlob = PictureCodec.GitBlobOf(bytes) }, null);
    }

    /// <summary>
    /// The commits a site built from may have accepted the version at: the one that brought it, then the others while it
    /// was the file's, newest first, at most <see cref="LaterCommitsTried"/> of them. A version refused where it came (a
    /// newcomer claiming an address another article held) may be accepted later, with no change to its file (that article
    /// dated later): a running site took it then, and kept it as its last good version once it was refused again, where a
    /// new store served nothing of it (found by the instance agreement fuzzer).
    /// </summary>
    private static IEnumerable<string> CommitsWhileCurrent(FirstPublication history, List<CommittedVersion> newestFirst, CommittedVersion version)
    {
        var index = newestFirst.IndexOf(version);
        var until = index > 0 ? newestFirst[index - 1].Since : long.MaxValue;
        return history.MainLineBetween(version.Since, until).Where(commit => commit != version.Commit).Take(LaterCommitsTried).Prepend(version.Commit);
    }

    /// <summary>
    /// At most this many commits after the one that brought a version are tried for it: each is an evaluation of all the
    /// content there, for a version that is mostly one never accepted (a newcomer refused from the start).
    /// </summary>
    public const int LaterCommitsTried = 24;

    /// <summary>
    /// The commits of each kinds.yml that came while the file held the version, newest first, then the version's own:
    /// a running site wrote the version again under each, as long as it was accepted.
    /// </summary>
    private static IEnumerable<string> CataloguesWhileCurrent(FirstPublication history, List<CommittedVersion> newestFirst, CommittedVersion version)
    {
        var index = newestFirst.IndexOf(version);
        var until = index > 0 ? newestFirst[index - 1].Since : long.MaxValue;
        return history.CommittedVersions(ContentFolder.KindsFileName).Reverse()
            .Where(catalogue => catalogue.Since >= version.Since && catalogue.Since < until)
            .Select(catalogue => catalogue.Commit)
            .Append(version.Commit)
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>kinds.yml as the commit held it, when it reads well.</summary>
    private KindsSource? KindsAt(string commit)
    {
        try
        {
            return GitCommand.Run(contentRoot, "cat-file", "blob", $"{commit}:./{ContentFolder.KindsFileName}") is { } text ? ContentFolder.ParseCatalog(text).Value : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null; // a catalogue a bug of ours cannot read gives no version
        }
    }

    /// <summary>kinds.yml's newest committed version that reads well, or null.</summary>
    public KindsSource? Kinds() => Newest(ContentFolder.KindsFileName, text => ContentFolder.ParseCatalog(text).Value);

    /// <summary>removed.yml's newest committed version that reads well, or null.</summary>
    public RemovalsSource? Removals() => Newest(RemovalRecords.FileName,
        text => RemovalRecords.Parse(text) is { Succeeded: true, Value: { } records } ? new RemovalsSource(text, records) : null);

    /// <summary>A parser of the same kind as the site's, with nothing kept: for versions from the history.</summary>
    public IsolatedArticleParser Parser() => parser.Fresh();

    private T? Newest<T>(string file, Func<string, T?> read)
        where T : class
    {
        foreach (var version in new FirstPublication(contentRoot, revision).CommittedVersions(file).Reverse().Take(VersionsTried))
        {
            try
            {
                if (GitCommand.Run(contentRoot, "cat-file", "blob", version.Blob) is { } text && read(text) is { } good)
                {
                    return good;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A version a bug of ours cannot read is no last good version; an older one may be.
            }
        }

        return null;
    }

    /// <summary>
    /// The articles a site built from the commit accepted: the content there, evaluated as a new store does, with the last
    /// good versions of the files refused there from the history before it. Null when the budget ran out before they
    /// were all looked up: the verdict is not known yet.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, bool>?> AcceptedAtAsync(string commit, DateOnly today, CommitBudget commits, CancellationToken cancellationToken)
    {
        var (folder, temporary, resolved, _) = BaseContent.Extract(contentRoot, commit);
        try
        {
            if (folder is null)
            {
                return new Dictionary<string, bool>(StringComparer.Ordinal);
            }

            var evaluation = await new ContentEvaluator(new ContentFolder(folder), parser.Fresh(), new FirstPublication(contentRoot, resolved),
                new LastGoodFromHistory(contentRoot, parser, resolved, commits)).EvaluateAsync(PreviousContent.None, today, cancellationToken);
            if (evaluation.NotLookedUpInHistory > 0)
            {
                return null;
            }

            // Accepted only because a link that leads nowhere may lead into a file refused there, which a site built from
            // that commit holds the last good version of, and so checks the link against: such a site refused it, and
            // took it as a last good version, a new store served an entry at an address its own article's link missed
            // (found by replay 9). The version before it stands in then.
            var letThrough = evaluation.Warnings.Where(CrossArticleChecker.IsUncheckedLink).Select(warning => warning.File).ToHashSet(StringComparer.Ordinal);
            // Written as last good versions, files refused there are not accepted there.
            var standingIn = evaluation.Files.Where(file => file.State == FileState.Refused || file.EarlierVersionOnline).Select(file => file.File);
            letThrough.UnionWith(standingIn);
            var accepted = (evaluation.Plan?.Write ?? []).Select(written => written.File).Where(file => !letThrough.Contains(file))
                .ToDictionary(file => file, _ => true, StringComparer.Ordinal);
            // Drafts and articles dated later it checked well are accepted too, showing nothing.
            foreach (var hidden in evaluation.Files.Where(file => file.State is FileState.Draft or FileState.Scheduled && !letThrough.Contains(file.File)))
            {
                accepted.TryAdd(hidden.File, false);
            }

            return accepted;
        }

        finally
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}
