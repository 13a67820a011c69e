using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// When each article was first published, to decide which of several articles that claim one address keeps it. When
/// the content folder is a git checkout, that is the commit that first added the file (following renames): the same
/// answer on every instance built from one commit, whatever dates a newcomer's front matter claims. A file renamed and
/// not committed yet keeps the commit of the file it was renamed from. A file not yet committed, or a folder outside
/// git, falls back to the date in the front matter, then to the file name.
/// </summary>
/// <param name="contentRoot">The content folder; null to go by front-matter dates only.</param>
/// <param name="revision">
/// The commit to read the history from, for the content as it was there (<c>check --base</c>, which reads that content
/// from a copy with no history of its own); null for the working tree, renames not yet committed included.
/// </param>
public sealed class FirstPublication(string? contentRoot, string? revision = null)
{

    // Asked of git once per evaluation, and only when a contested file has no commit of its own.
    private (Dictionary<string, string> Renamed, List<string> Changed)? _uncommitted;

    // Each contested file's committed versions, oldest first, by file and the revision they are read from, asked of git
    // once per evaluation (one evaluation asks about the same contested files several times).
    private readonly Dictionary<(string File, string? From), List<CommittedVersion>> _versions = [];

    private readonly Dictionary<string, string[]> _changes = new(StringComparer.Ordinal);

    private Dictionary<string, long>? _mainLine;

    // The commit the history is read at (the revision, or HEAD), asked once per evaluation; null without one.
    private string? _tip;
    private bool _tipAsked;
    private bool _tipIsWhole;

    // What the history says at one commit never changes: the main line and each file's log there, kept per content
    // folder while its tip stays, so that the edits between two commits ask git for them once. Read at every edit, they
    // took 300 of the 500 ms an edit's import took with 700 commits and a contested address (found by replay 5).
    private static readonly ConcurrentDictionary<string, (string Tip, Dictionary<string, long> MainLine, ConcurrentDictionary<(string File, string? From), List<CommittedVersion>> Logs)> AtTip =
        new(StringComparer.Ordinal);

    // The kinds.yml of each commit asked about, by content folder and commit (a commit never changes: kept for the
    // process's life, a line per commit); its catalogue, by blob (a handful in a repository's life). Asked of git each
    // evaluation, a git per commit made an edit take 1.5 s with 100 commits of a contested article, 8 s with 500
    // (found by replay 5).
    private static readonly ConcurrentDictionary<(string Root, string Commit), string?> KindsBlobs = new();
    private static readonly ConcurrentDictionary<string, KindCatalog?> Catalogues = new(StringComparer.Ordinal);

    // What each committed version published, by blob: a blob never changes, so it is parsed once while its catalogue lives.
    // The file name is part of the key: it gives the article its own address.
    private static readonly ConditionalWeakTable<KindCatalog, ConcurrentDictionary<(string Blob, string Name), (long Day, IReadOnlySet<string> Addresses)>> Published = [];

    // The records each committed version of removed.yml held: a blob never changes.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<RemovalRecord>> RecordsOfBlob = new(StringComparer.Ordinal);

    public static FirstPublication ByFrontMatterOnly { get; } = new(null);

    /// <summary>
    /// Why the folder's history cannot say when each file was first published, or null when it can (a full clone).
    /// Without it the publication dates and file names decide: a copy of a published article, dated the same day or
    /// earlier, would then take the real one's addresses on a new instance, while a running one keeps them.
    /// </summary>
    public static string? WhyNoHistory(string contentRoot) =>
        GitCommand.Run(contentRoot, "rev-parse", "--is-shallow-repository")?.Trim() switch
        {
            // A checkout owned by another user than the site's: git refuses to read it ("dubious ownership"), which is not
            // the same as no checkout, and is mended otherwise (found by replay 3).
            null when GitCommand.Refusal(contentRoot, "rev-parse", "--is-shallow-repository") is { } refusal && refusal.Contains("safe.directory", StringComparison.Ordinal)
                => $"{contentRoot} is in a git checkout that git will not read for the site's user (another user owns it; git says: "
                    + $"{string.Join(" ", refusal.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))})",
            null => $"{contentRoot} is not in a git checkout (or git is not installed)",
            "true" => $"{contentRoot} is in a shallow clone (made with --depth), which holds the newest commit only",
            _ => null,
        };

    /// <summary>
    /// The file's committed versions on the main line, oldest first (see <see cref="Versions"/>): where
    /// <see cref="LastGoodFromHistory"/> looks for a last good version.
    /// </summary>
    public IReadOnlyList<CommittedVersion> CommittedVersions(string file) =>
        contentRoot is null || !Directory.Exists(contentRoot) ? [] : VersionsOf(file, revision);

    /// <summary>
    /// Every version the path held on the main line, oldest first, across its deletions and without following a rename:
    /// a record of removed.yml still counts after the file was deleted and written again (see <see cref="RemovalsInForce"/>).
    /// </summary>
    public IReadOnlyList<CommittedVersion> EveryVersionAtPath(string file) =>
        contentRoot is null || !Directory.Exists(contentRoot) ? [] : Logged(file, revision, acrossDeletions: true);

    /// <summary>
    /// Every record that a committed version of removed.yml held, each with the newest reason given for it (see
    /// <see cref="RemovalsInForce"/>: a record dropped stays in force while a link leads to its address and no page
    /// answers it). A version that cannot be read holds none.
    /// </summary>
    public IReadOnlyList<RemovalRecord> RemovalsEverCommitted()
    {
        var versions = EveryVersionAtPath(RemovalRecords.FileName);
        var unread = versions.Select(version => version.Blob).Where(blob => !RecordsOfBlob.ContainsKey(blob)).Distinct().ToList();
        if (unread.Count > 0 && GitCommand.ReadBlobs(contentRoot!, unread) is { } texts)
        {
            foreach (var (blob, text) in texts)
            {
                RecordsOfBlob[blob] = RecordsIn(text);
            }
        }

        var everRecorded = new Dictionary<string, RemovalRecord>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            foreach (var record in RecordsOfBlob.GetValueOrDefault(version.Blob) ?? [])
            {
                everRecorded[record.Path] = record;
            }
        }

        return [.. everRecorded.Values];
    }

    private static IReadOnlyList<RemovalRecord> RecordsIn(string text)
    {
        try
        {
            return RemovalRecords.Parse(text) is { Succeeded: true, Value: { } records } ? records : [];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return []; // a version a bug of ours cannot read holds no record
        }
    }

    /// <summary>
    /// The commits of the main line that reached it from <paramref name="from"/> up to before <paramref name="until"/>
    /// (times as <see cref="CommittedVersion.Since"/> gives them), newest first: those in which one version of a file was
    /// the file's.
    /// </summary>
    public IReadOnlyList<string> MainLineBetween(long from, long until) =>
        contentRoot is null || !Directory.Exists(contentRoot) ? []
            : [.. MainLine().Where(commit => commit.Value >= from && commit.Value < until).OrderByDescending(commit => commit.Value).Select(commit => commit.Key)];

    /// <summary>
    /// When the checkout's newest commit was made (its committer's clock), or null outside git: the content cannot be
    /// older than the day it was committed, whatever this machine's clock says.
    /// </summary>
    public static DateTimeOffset? HeadCommitTime(string contentRoot) =>
        GitCommand.Run(contentRoot, "log", "-1", "--format=%ct", "HEAD")?.Trim() is { } seconds
        && long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var time)
            ? DateTimeOffset.FromUnixTimeSeconds(time)
            : null;

    /// <summary>The time of the commit that first added each file, for those that have one (seconds since 1970).</summary>
    public IReadOnlyDictionary<string, long> CommitTimes(IEnumerable<string> files)
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        if (contentRoot is null || !Directory.Exists(contentRoot))
        {
            return times;
        }

        foreach (var file in files)
        {
            if (VersionsOf(file, revision) is [var began, ..])
            {
                times[file] = began.Since;
            }
        }

        return times;
    }

    /// <summary>
    /// Since when the file has published the address: the oldest of its committed versions (since the file began,
    /// renames followed) that has it, counted from that version's commit or its 'published:' day, whichever is later,
    /// drafts left out; null when no committed version has it (a claim made in the working tree only), or without git.
    /// A file that gained the address in a commit (or since the last commit) in which another article gave it up goes on
    /// from that article: a rename with the text rewritten, which git does not see as one, two articles that swap
    /// names, an entry moved to another article.
    /// Two articles that claim one address are told apart by this first, so that an older article edited to take an
    /// address a newer one published is the one refused, on a live store and a new one alike (found replaying issue 21:
    /// going by the articles' ages, the newer article was refused, for a line added to the other).
    /// </summary>
    /// <param name="file">The claimant.</param>
    /// <param name="address">The contested address.</param>
    /// <param name="kinds">The catalogue to read committed versions with.</param>
    /// <param name="claimants">Every file that claims the address in the working tree: one changed since the last commit
    /// that had it there and no longer claims it gave it up, maybe to this file.</param>
    public long? PublishedSince(string file, string address, KindCatalog kinds, IReadOnlyCollection<string> claimants) =>
        contentRoot is null ? null : SinceAt(file, address, kinds, revision, claimants);

    private long? SinceAt(string file, string address, KindCatalog kinds, string? from, IReadOnlyCollection<string> claimants)
    {
        var versions = VersionsOf(file, from);
        ReadTextsAtOnce(versions, kinds);
        var own = versions.Where(version => Addresses(version, kinds).Contains(address))
            .Select(version => (long?)Math.Max(version.Since, Day(version, kinds)))
            .Min();
        var gained = versions.FirstOrDefault(version => Addresses(version, kinds).Contains(address));
        var predecessors = gained.Commit is { } commit
            ? MovedBy(commit, address, kinds).Select(moved => (File: moved, From: (string?)(commit + "^")))
            : from is null
                ? GivenUpSinceTheLastCommit(address, kinds, claimants).Select(changed => (File: changed, From: (string?)null))
                : [];
        var inherited = predecessors.Select(predecessor => SinceAt(predecessor.File, address, kinds, predecessor.From, claimants)).Min();
        return own is { } mine && inherited is { } theirs ? Math.Min(mine, theirs) : own ?? inherited;
    }

    /// <summary>
    /// Of the addresses, those that the newest committed version of the file to publish any of them by today held, with
    /// the version's commit and the commit of the version after it, which took them out (null when none came after: taken
    /// out since, or by the file's deletion). Nothing when no committed version published one. A version dated later
    /// publishes nothing yet: one made so takes its addresses out (see ContentEvaluator.LinkedHidden).
    /// </summary>
    public (IReadOnlySet<string> Held, string? HeldIn, string? TakenOutIn) LastHeld(string file, IReadOnlySet<string> addresses, KindCatalog kinds, DateOnly today)
    {
        if (contentRoot is null)
        {
            return (new HashSet<string>(), null, null);
        }

        var versions = VersionsOf(file, revision);
        ReadTextsAtOnce(versions, kinds);
        var tomorrow = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var last = versions.FindLastIndex(version => Day(version, kinds) < tomorrow && Addresses(version, kinds).Overlaps(addresses));
        // A version that cannot be read was refused, and took nothing out: the one before it stayed (found by replay 10).
        var takenOutBy = versions.Skip(last + 1).FirstOrDefault(version => Day(version, kinds) != Unreadable);
        return last < 0
            ? (new HashSet<string>(), null, null)
            : (Addresses(versions[last], kinds).Where(addresses.Contains).ToHashSet(StringComparer.Ordinal), versions[last].Commit, takenOutBy.Commit);
    }

    /// <summary>
    /// Of a file's addresses, those another article's version committed after <paramref name="acceptedAt"/> published by
    /// today, where that article published the address before the file did. A running site that kept the file's version
    /// accepted there as its last good version gave each up when the other article came to claim it (see
    /// <see cref="CrossArticleChecker"/>), and did not take it back when the other went again: a new store that took the
    /// version from the history served a redirect where the running site answered 410 (found by the instance agreement
    /// fuzzer: a newcomer's former address, claimed back by the article that published it, then deleted).
    /// </summary>
    public IReadOnlySet<string> ClaimedFirstSince(string file, IReadOnlySet<string> addresses, string acceptedAt, KindCatalog kinds, DateOnly today)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        if (contentRoot is null || addresses.Count == 0 || (Tip() ?? revision) is not { } tip || acceptedAt == tip)
        {
            return given;
        }

        var mainLine = MainLine();
        var log = GitCommand.Run(contentRoot, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev", "--relative", "--format=%x01%H",
            $"{acceptedAt}..{tip}", "--", ContentFolder.ArticlesFolderName + "/");
        var versions = new List<CommittedVersion>();
        foreach (var commit in (log ?? "").Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var hash = lines.Length == 0 ? "" : lines[0].Trim();
            // ":<mode> <mode> <old blob> <new blob> <status>\t<path>[\t<new path>]"
            foreach (var change in lines.Skip(1).Where(line => line.StartsWith(':')).Select(line => line.Split('\t')))
            {
                var fields = change[0].Split(' ');
                var path = change[^1];
                if (fields.Length >= 5 && !fields[4].StartsWith('D') && Articles(path).Any() && path.Count(c => c == '/') == 1
                    && Path.GetFileName(path) != Path.GetFileName(file))
                {
                    versions.Add(new(mainLine.GetValueOrDefault(hash), fields[3], path, hash));
                }
            }
        }

        ReadTextsAtOnce(versions, kinds);
        var tomorrow = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        foreach (var version in versions.Where(version => Day(version, kinds) is var day && day != Unreadable && day < tomorrow))
        {
            foreach (var address in Addresses(version, kinds).Where(addresses.Contains).Where(address => !given.Contains(address)))
            {
                var other = ContentFolder.ArticlesFolderName + "/" + Path.GetFileName(version.Path);
                string[] claimants = [file, other];
                if ((SinceAt(other, address, kinds, revision, claimants) ?? long.MaxValue) < (SinceAt(file, address, kinds, revision, claimants) ?? long.MaxValue))
                {
                    given.Add(address);
                }
            }
        }

        return given;
    }

    /// <summary>The addresses a committed version published (none for a draft or one that cannot be read).</summary>
    public IReadOnlySet<string> AddressesOf(CommittedVersion version, KindCatalog kinds) =>
        contentRoot is null ? new HashSet<string>() : Addresses(version, kinds);

    // The day of a version that cannot be read: it published nothing.
    private const long Unreadable = -1;

    private IReadOnlySet<string> Addresses(CommittedVersion version, KindCatalog kinds) => WhatWasPublished(version, kinds).Addresses;

    private long Day(CommittedVersion version, KindCatalog kinds) => WhatWasPublished(version, kinds).Day;

    /// <summary>
    /// True when <paramref name="file"/> is <paramref name="former"/> renamed: its history, renames followed, passes
    /// through that name, or the rename is not committed yet. Without a history, never.
    /// </summary>
    public bool IsRenameOf(string file, string former) =>
        contentRoot is not null && Path.GetFileName(file) != Path.GetFileName(former)
        && (UncommittedRenameSource(file) == former || CommittedVersions(file).Any(version => Path.GetFileName(version.Path) == Path.GetFileName(former)));

    /// <summary>
    /// The committed versions of the file since it began, oldest first: commit time, blob and path then. Newest first,
    /// git follows renames back to the commit that added the file or made it as a copy of another, and stops there:
    /// --follow also walks from a copy into the history of the file it was copied from, which gave a committed copy of a
    /// published article that article's time, and with it the article's addresses on a new instance (found replaying
    /// issue 21).
    /// </summary>
    private List<CommittedVersion> Versions(string file, string? from)
    {
        var versions = Logged(file, from);
        if (versions.Count == 0 && from is null && UncommittedRenameSource(file) is { } source && source != file)
        {
            return Versions(source, null);
        }

        return versions;
    }

    /// <summary>The file's committed versions from its log, oldest first, kept while the tip stays (see <see cref="AtTip"/>).</summary>
    private List<CommittedVersion> Logged(string file, string? from, bool acrossDeletions = false)
    {
        var mainLine = MainLine();
        var shared = SharedTip() is { } tip && AtTip.TryGetValue(contentRoot!, out var known) && known.Tip == tip ? known.Logs : null;
        // Kept apart from the log that follows the file: a name no path has (a NUL) marks it.
        var key = (acrossDeletions ? file + "\0" : file, from);
        if (shared?.TryGetValue(key, out var logged) == true)
        {
            return logged;
        }

        var versions = new List<CommittedVersion>();
        // At a base revision, as at HEAD: without it, check judged the base by its front-matter dates, and said the real
        // article was refused where the live site and a new instance refuse a backdated newcomer (found by replay 3).
        // Along the main line only, a merge standing for what it brought (found by replay 4): a commit made on a branch
        // is published when it is merged, not when it was made, or a newcomer from a pull request merged late took the
        // address an article on the main line had published since.
        var log = GitCommand.Run(contentRoot!, ["log", "--first-parent", "--diff-merges=first-parent", acrossDeletions ? "--no-renames" : "--follow", "--format=%x01%ct %H", "--raw", "--no-abbrev",
            .. (from ?? Tip()) is { } at ? [at] : Array.Empty<string>(), "--", file]);
        foreach (var commit in (log ?? "").Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = commit.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var change = lines.FirstOrDefault(line => line.StartsWith(':'));
            if (lines.Length == 0 || change is null || lines[0].Split(' ') is not [var seconds, var hash]
                || !long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var time))
            {
                continue;
            }

            var paths = change.Split('\t');
            var fields = paths[0].Split(' ');
            if (fields.Length < 5 || fields[4].StartsWith('D'))
            {
                continue;
            }

            versions.Add(new(mainLine.GetValueOrDefault(hash, time), fields[3], paths[^1], hash));
            if (!acrossDeletions && fields[4][0] is 'A' or 'C')
            {
                break; // where this file began: older commits belong to the file it was copied from
            }
        }

        versions.Reverse();
        if (log is not null)
        {
            shared?.TryAdd(key, versions);
        }

        return versions;
    }

    /// <summary>
    /// The articles that had the address before the commit and no longer had it after it (deleted, or edited to drop
    /// it): the file that gained it in that commit took it over from them. That is a rename with the text rewritten,
    /// which git sees as a new file and a deleted one (under half of it alike), two articles that swapped names, or an
    /// entry moved from one article to another. Without this, the file that took the address over lost it to a
    /// newcomer, on a new instance for good (found by replay 3, F1 and the swap).
    /// </summary>
    private IEnumerable<string> MovedBy(string commit, string address, KindCatalog kinds)
    {
        var changes = ChangesIn(commit);
        // -z gives ":<mode> <mode> <old blob> <new blob> <status>", then the path.
        for (var at = 0; at + 1 < changes.Length; at += 2)
        {
            var fields = changes[at].Split(' ');
            var path = changes[at + 1];
            if (fields.Length < 5 || fields[4] is not ("D" or "M") || !Articles(path).Any())
            {
                continue;
            }

            var before = new CommittedVersion(0, fields[2], path, commit + "^");
            var after = before with { Blob = fields[3], Commit = commit };
            if (Addresses(before, kinds).Contains(address) && (fields[4] == "D" || !Addresses(after, kinds).Contains(address)))
            {
                yield return path;
            }
        }
    }

    /// <summary>
    /// When each commit of the main line (first parents, from the revision read) reached it: its commit time, or just
    /// after the commit before it when that is later. A clock set wrong, or a commit date given by hand, cannot date a newcomer
    /// before what was published ahead of it (found by replay 4: a committer date of 2019 took a published address).
    /// </summary>
    private Dictionary<string, long> MainLine()
    {
        lock (_changes)
        {
            if (_mainLine is null && SharedTip() is { } tip && AtTip.TryGetValue(contentRoot!, out var known) && known.Tip == tip)
            {
                _mainLine = known.MainLine;
            }

            if (_mainLine is null)
            {
                _mainLine = new Dictionary<string, long>(StringComparer.Ordinal);
                var lines = (GitCommand.Run(contentRoot!, "log", "--first-parent", "--format=%H %ct", Tip() ?? revision ?? "HEAD") ?? "")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var latest = long.MinValue;
                foreach (var line in lines.Reverse())
                {
                    if (line.Split(' ') is [var hash, var seconds] && long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var time))
                    {
                        // A second after the one before at least: commits in order are never a tie, which the dates in
                        // the front matter would then break the other way.
                        latest = latest == long.MinValue ? time : Math.Max(latest + 1, time);
                        _mainLine[hash] = latest;
                    }
                }

                if (SharedTip() is { } readAt)
                {
                    AtTip[contentRoot!] = (readAt, _mainLine, new());
                }
            }

            return _mainLine;
        }
    }

    /// <summary>The commit the history is read at, or null when there is none (no commit yet, no git).</summary>
    private string? Tip()
    {
        lock (_changes)
        {
            if (!_tipAsked)
            {
                var answer = GitCommand.Run(contentRoot!, "rev-parse", "--is-shallow-repository", "--verify", "--quiet", (revision ?? "HEAD") + "^{commit}")?
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries);
                _tip = answer is [_, var commit] ? commit : null;
                // A shallow clone's history grows under the same tip (git fetch --unshallow, --deepen): not kept then.
                _tipIsWhole = answer is ["false", _];
                _tipAsked = true;
            }

            return _tip;
        }
    }

    /// <summary>The tip, when what the history says there can be kept (see <see cref="AtTip"/>): not in a shallow clone.</summary>
    private string? SharedTip() => Tip() is { } tip && _tipIsWhole ? tip : null;

    /// <summary>What the commit changed, asked of git once per evaluation: every address the commit moved asks again.</summary>
    private string[] ChangesIn(string commit)
    {
        lock (_changes)
        {
            if (!_changes.TryGetValue(commit, out var changes))
            {
                changes = GitCommand.Run(contentRoot!, "diff-tree", "-r", "--diff-merges=first-parent", "--no-commit-id", "--raw", "--no-abbrev", "--relative", "-z", commit)?.Split('\0') ?? [];
                _changes[commit] = changes;
            }

            return changes;
        }
    }

    private static IEnumerable<string> Articles(string? paths) => (paths ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries)
        .Where(path => path.StartsWith(ContentFolder.ArticlesFolderName + "/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal));

    /// <summary>
    /// The day a committed version is published on, and its addresses (none for a draft or one that cannot be read):
    /// a blob never changes, so each is parsed once while its catalogue lives. It is read with the kinds.yml of its own
    /// commit, when that can be read: read with today's, a version from before a fact was made required, or dropped,
    /// published nothing, and a newcomer took the addresses of the article that had published them (found by replay 4).
    /// </summary>
    private (long Day, IReadOnlySet<string> Addresses) WhatWasPublished(CommittedVersion version, KindCatalog today, string? readAlready = null)
    {
        var kinds = KindsAt(version.Commit) ?? today;
        return Published.GetOrCreateValue(kinds).GetOrAdd((version.Blob, Path.GetFileName(version.Path)), _ =>
        {
            var text = readAlready ?? GitCommand.Run(contentRoot!, "cat-file", "blob", version.Blob);
            var parsed = text is null ? null : new ArticleParser(kinds).Parse($"{ContentFolder.ArticlesFolderName}/{Path.GetFileName(version.Path)}", text);
            if (parsed is not { Succeeded: true, Value: { } article })
            {
                return (Unreadable, new HashSet<string>());
            }

            if (article.Draft)
            {
                return (0, new HashSet<string>());
            }

            var day = new DateTimeOffset(article.Published.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
            return (day, article.EntryPaths.Concat(article.Paths).ToHashSet(StringComparer.Ordinal));
        });
    }

    /// <summary>
    /// Which kinds.yml each version's commit held, asked of one git for them all (cat-file --batch-check) rather than one
    /// git each. What cannot be read so is left to <see cref="KindsAt"/>.
    /// </summary>
    private void ReadKindsAtOnce(List<CommittedVersion> versions)
    {
        var commits = versions.Select(version => version.Commit).Where(commit => !KindsBlobs.ContainsKey((contentRoot!, commit))).Distinct().ToList();
        if (commits.Count > 1)
        {
            var lines = GitCommand.RunWithInput(contentRoot!, string.Concat(commits.Select(commit => $"{commit}:./{ContentFolder.KindsFileName}\n")),
                "cat-file", "--batch-check") is { } answer ? Encoding.UTF8.GetString(answer).Split('\n') : [];
            foreach (var (commit, line) in commits.Zip(lines))
            {
                // "<blob> blob <size>", or "<what was asked> missing"
                KindsBlobs.TryAdd((contentRoot!, commit), line.Split(' ') is [var blob, "blob", _] ? blob : null);
            }
        }
    }

    /// <summary>
    /// What the versions published: the texts not parsed yet read from one git (cat-file --batch), each parsed as
    /// <see cref="WhatWasPublished"/> does, rather than a git each. What cannot be read so is left to it.
    /// </summary>
    private void ReadTextsAtOnce(List<CommittedVersion> versions, KindCatalog today)
    {
        var unread = versions.Where(version => !Published.GetOrCreateValue(KindsAt(version.Commit) ?? today).ContainsKey((version.Blob, Path.GetFileName(version.Path))))
            .DistinctBy(version => (version.Blob, Path.GetFileName(version.Path))).ToList();
        if (unread.Count < 2 || GitCommand.ReadBlobs(contentRoot!, [.. unread.Select(version => version.Blob)]) is not { } texts)
        {
            return;
        }

        foreach (var version in unread.Where(version => texts.ContainsKey(version.Blob)))
        {
            WhatWasPublished(version, today, texts[version.Blob]);
        }
    }

    /// <summary>The catalogue kinds.yml held at the commit, or null when it had none or it cannot be read.</summary>
    private KindCatalog? KindsAt(string commit)
    {
        var blob = KindsBlobs.GetOrAdd((contentRoot!, commit), key =>
            GitCommand.Run(key.Root, "rev-parse", "--verify", "--quiet", $"{key.Commit}:./{ContentFolder.KindsFileName}")?.Trim());
        return blob is null ? null : Catalogues.GetOrAdd(blob, _ =>
        {
            try
            {
                return GitCommand.Run(contentRoot!, "cat-file", "blob", blob) is { } text && ContentFolder.ParseCatalog(text) is { Succeeded: true } parsed
                    ? parsed.Value!.Catalog
                    : null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return null; // today's catalogue reads it then, as before
            }
        });
    }

    /// <summary>The file's committed versions up to a revision (null: the working tree's), asked of git once per evaluation.</summary>
    private List<CommittedVersion> VersionsOf(string file, string? from)
    {
        lock (_versions)
        {
            if (!_versions.TryGetValue((file, from), out var versions))
            {
                versions = Versions(file, from);
                _versions[(file, from)] = versions;
                ReadKindsAtOnce(versions);
            }

            return versions;
        }
    }

    /// <summary>
    /// The file this one was renamed from, when the rename is not committed yet: the watcher imports before the commit,
    /// and the renamed article, with no commit of its own, lost every address a newcomer claimed too, and with no last
    /// good version under its new name, its other entries went off the site (found replaying issue 21, with `git mv`
    /// and with a plain `mv`, a file manager or an editor's "save as").
    /// </summary>
    private string? UncommittedRenameSource(string file) => Uncommitted().Renamed.GetValueOrDefault(file);

    /// <summary>
    /// What <see cref="MovedBy"/> finds in a commit, for the change not committed yet: the articles deleted or edited
    /// since the last commit whose last committed version has the address and which no longer claim it. Two articles
    /// that swap names, seen by the watcher before the commit, each lost the other's addresses to a newcomer, and then
    /// each file's last good version held what the other now had, for good (found by replay 3).
    /// </summary>
    private IEnumerable<string> GivenUpSinceTheLastCommit(string address, KindCatalog kinds, IReadOnlyCollection<string> claimants) =>
        Uncommitted().Changed.Where(changed => !claimants.Contains(changed)
            && VersionsOf(changed, null) is [.., var last] && Addresses(last, kinds).Contains(address));

    private (Dictionary<string, string> Renamed, List<string> Changed) Uncommitted()
    {
        lock (_versions)
        {
            return _uncommitted ??= UncommittedChanges();
        }
    }

    /// <summary>
    /// Renames since the last commit, and the articles deleted or edited, staged or not, as git would see them once committed: compared on a
    /// scratch index in which every new file is marked as intended to be added (`git add -N`). The scratch index is a
    /// copy of the editor's (or, when that cannot be read, made from the last commit), and the one object `git add -N`
    /// writes goes to a scratch folder, so neither the editor's index nor the repository is changed, and a checkout the
    /// site may only read (a read-only mount, an index of another user's) is read all the same (found by replay 3).
    /// </summary>
    private (Dictionary<string, string> Renamed, List<string> Changed) UncommittedChanges()
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new List<string>();
        var paths = GitCommand.Run(contentRoot!, "rev-parse", "--path-format=absolute", "--git-path", "index", "--git-path", "objects")?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (paths is not [var index, var objects])
        {
            return (renames, changed);
        }

        var scratch = ScratchFolder.Create("impala-renames");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["GIT_INDEX_FILE"] = Path.Combine(scratch.FullName, "index"),
                ["GIT_OBJECT_DIRECTORY"] = scratch.CreateSubdirectory("objects").FullName,
                ["GIT_ALTERNATE_OBJECT_DIRECTORIES"] = objects,
            };
            if (!CopyOf(index, environment["GIT_INDEX_FILE"]) && GitCommand.RunWith(contentRoot!, environment, "read-tree", "HEAD") is null)
            {
                return (renames, changed);
            }

            var fields = GitCommand.RunWith(contentRoot!, environment, "add", "--intent-to-add", "--all", "--", ".") is null ? []
                : GitCommand.RunWith(contentRoot!, environment, "diff", "HEAD", "-M", "--diff-filter=RDM", "--name-status", "--relative", "-z")?.Split('\0') ?? [];
            // -z gives "R<score>", from, to for a rename and "D" or "M", path for a deletion or an edit.
            for (var at = 0; at < fields.Length;)
            {
                if (fields[at].StartsWith('R') && at + 2 < fields.Length)
                {
                    if (fields[at + 1] != fields[at + 2])
                    {
                        renames[fields[at + 2]] = fields[at + 1];
                    }

                    at += 3;
                }
                else if (fields[at] is "D" or "M" && at + 1 < fields.Length)
                {
                    changed.AddRange(Articles(fields[at + 1]));
                    at += 2;
                }
                else
                {
                    at++;
                }
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        return (renames, changed);
    }

    private static bool CopyOf(string file, string copy)
    {
        try
        {
            File.Copy(file, copy);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
