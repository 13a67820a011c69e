using System.Collections.Concurrent;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>The layout of the content folder: <c>kinds.yml</c> and one Markdown file per article in <c>articles/</c>.</summary>
/// <param name="root">The folder.</param>
/// <param name="draft">
/// An article text that stands in for the file of its name (or joins the folder, if there is none) without being
/// written anywhere: the editors' preview evaluates the folder as it would be with the draft saved.
/// </param>
public sealed class ContentFolder(string root, ContentFile? draft = null)
{
    public const string KindsFileName = "kinds.yml";
    public const string ArticlesFolderName = "articles";

    // What each file held when it was last read, by its size and time of last change: most imports follow a change
    // to one file, and the other files (thousands, in time) need not be read again. Reads happen one import at a time.
    private Dictionary<string, (long Length, DateTime Changed, ContentFile File)> _lastRead = new(StringComparer.Ordinal);

    // The articles folder _lastRead came from. Another one swapped in under its path (a release link moved, a fresh copy
    // renamed into place) holds other files under the same names, perhaps of the same size and time (a build's fixed
    // file times, cp -a): its release's text was never read, and the site served the old one for good (found by replay 6).
    private FolderIdentity? _lastReadFrom;

    // Files the watcher saw change since the last read: read again whatever their size and time say (a tool that
    // restores the time, such as cp -p or tar, left an edit of the same size unread until a restart).
    private ConcurrentDictionary<string, bool> _changed = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    // Where git keeps this checkout's HEAD and its branches (none outside git), asked again when another folder is found
    // under Root: a release swapped in has a .git of its own, and the look watched the last one's (found by replay 6).
    private (FolderIdentity? Of, string[] Folders)? _gitFolders;
    private readonly Lock _gitFoldersLock = new();

    /// <summary>kinds.yml, or null when the folder has none.</summary>
    public ParseResult<ContentFile>? ReadKinds()
    {
        var path = System.IO.Path.Combine(Root, KindsFileName);
        return File.Exists(path) || Directory.Exists(path) ? ReadOne(path, KindsFileName) : null;
    }

    /// <summary>kinds.yml read and parsed, with the text it came from; the errors that refuse it otherwise.</summary>
    public ParseResult<KindsSource> ReadCatalog() => ReadKinds() switch
    {
        null => ParseResult<KindsSource>.Failure([new(KindsFileName, 1, 1,
            $"The content folder {Root} has no {KindsFileName}. Point Discovery:ContentPath at the folder that holds it.")]),
        { Succeeded: false } unreadable => ParseResult<KindsSource>.Failure(unreadable.Errors),
        var read => ParseCatalog(read.Value!.Text),
    };

    /// <summary>A kinds.yml text, parsed: the file on disk, or the last good one the store remembers.</summary>
    public static ParseResult<KindsSource> ParseCatalog(string text)
    {
        var parsed = KindCatalogParser.Parse(KindsFileName, text);
        return parsed.Succeeded
            ? ParseResult<KindsSource>.Success(new KindsSource(text, parsed.Value!))
            : ParseResult<KindsSource>.Failure(parsed.Errors);
    }

    /// <summary>removed.yml read and parsed; no records when the folder has none.</summary>
    public ParseResult<RemovalsSource> ReadRemovals()
    {
        var path = System.IO.Path.Combine(Root, RemovalRecords.FileName);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return ParseResult<RemovalsSource>.Success(RemovalsSource.None);
        }

        var read = ReadOne(path, RemovalRecords.FileName);
        if (!read.Succeeded)
        {
            return ParseResult<RemovalsSource>.Failure(read.Errors);
        }

        var parsed = RemovalRecords.Parse(read.Value!.Text);
        return parsed.Succeeded
            ? ParseResult<RemovalsSource>.Success(new RemovalsSource(read.Value.Text, parsed.Value!))
            : ParseResult<RemovalsSource>.Failure(parsed.Errors);
    }

    // The walk through folders inside articles/. It follows no link to a folder: "a -> ." and "b -> ." inside articles/
    // made a walk that grows without end (or "root -> /" one through the whole disk), and every import, and check, hung
    // on it (found by sweep 5). Only real folders, 16 deep, are looked in.
    private static readonly EnumerationOptions SubfolderWalk = new()
    {
        RecurseSubdirectories = true,
        MaxRecursionDepth = 16,
        MatchCasing = MatchCasing.CaseInsensitive,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    /// <summary>
    /// Articles in folders inside articles/, which the site does not read: an editor who sorts the articles into a folder
    /// per year would otherwise see them leave the site without a word.
    /// </summary>
    public IReadOnlyList<ContentError> ArticlesInSubfolders()
    {
        var folder = System.IO.Path.Combine(Root, ArticlesFolderName);
        try
        {
            return Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { AttributesToSkip = SubfolderWalk.AttributesToSkip })
                .Where(directory => !System.IO.Path.GetExtension(directory).Equals(".md", StringComparison.OrdinalIgnoreCase))
                .SelectMany(directory => Directory.EnumerateFiles(directory, "*.md", SubfolderWalk))
                .Where(path => !IsHidden(Root, path))
                .Order(StringComparer.Ordinal)
                .Select(path => new ContentError(System.IO.Path.GetRelativePath(Root, path).Replace('\\', '/'), 1, 1,
                    $"This article is in a folder inside {ArticlesFolderName}/, which the site does not read, so it is not shown. "
                    + $"Move it into {ArticlesFolderName}/ itself."))
                .ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be read is reported by the import itself.
            return [];
        }
    }

    /// <summary>
    /// A file or folder whose name (or a folder's above it, inside the content folder) starts with a dot: editors'
    /// tools keep their own files so (emacs's .#lock links, macOS's ._ and .DS_Store, vim's .swp), and so does git
    /// (.git). None of them is content: not read, and no reason to import.
    /// </summary>
    public static bool IsHidden(string root, string path) =>
        System.IO.Path.GetRelativePath(root, path).Split(System.IO.Path.DirectorySeparatorChar)
            .Any(part => part.StartsWith('.') && part is not "." and not "..");

    /// <summary>
    /// Every name, size and time the site reads (articles, pictures, kinds.yml and the other files at the top), as one
    /// number: the once-a-second vigil compares it with the last import's, so that a change the watcher missed is still
    /// imported. inotify loses events when folders are swapped under it (articles/ moved away, linked, moved back: seen
    /// in tests and by sweep 8, with health saying Healthy). About a millisecond for a thousand files.
    /// </summary>
    public int Stamp()
    {
        var hash = new HashCode();
        foreach (var file in HistoryFiles())
        {
            var info = new FileInfo(file);
            hash.Add(info.Exists ? info.LastWriteTimeUtc.Ticks : -1);
            hash.Add(info.Exists ? info.Length : -1);
        }

        var pictures = System.IO.Path.Combine(Root, PictureRules.Folder);
        foreach (var folder in new[] { Root, System.IO.Path.Combine(Root, ArticlesFolderName), pictures })
        {
            try
            {
                var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true });
                // Hidden names are git's and editors' own (see IsHidden): not content, and git touches them all the time.
                // Outside images/, only what the watcher counts as content too: other files there change nothing served.
                foreach (var entry in entries.Where(entry => !IsHidden(Root, entry.FullName) && (folder == pictures || IsContentName(entry.Name)))
                    .OrderBy(entry => entry.Name, StringComparer.Ordinal))
                {
                    hash.Add(entry.Name, StringComparer.Ordinal);
                    hash.Add(entry.LastWriteTimeUtc.Ticks);
                    hash.Add(entry is FileInfo file && entry.Exists ? file.Length : -1);
                    hash.Add(entry.LinkTarget, StringComparer.Ordinal);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                hash.Add(exception.GetType().Name, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// The files git changes when HEAD moves (a commit, a merge, a pull, a checkout, a reset): HEAD, its log and the
    /// branch it names; and the list of a shallow clone's cut-off commits, which a fetch of the whole history removes. Who keeps a contested address is read from the history (<see cref="FirstPublication"/>), so a
    /// commit that changes no file, such as a staged `git mv` committed, can change what the site serves; before, it was
    /// taken only at the next edit or restart, and a new instance decided otherwise meanwhile. None outside git.
    /// </summary>
    private IEnumerable<string> HistoryFiles()
    {
        string[] folders;
        lock (_gitFoldersLock)
        {
            // The vigil's look and an import may ask at once.
            var identity = FolderIdentity.Of(Root);
            if (_gitFolders is not { } known || known.Of != identity)
            {
                known = (identity, GitCommand.Run(Root, "rev-parse", "--path-format=absolute", "--git-dir", "--git-common-dir")?
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? []);
                // No answer from a checkout (git refused one another user owns, until the operator mends it as the start's
                // warning says) is asked again at each look; none from a folder outside git is kept (found by replay 6).
                _gitFolders = known.Folders.Length == 0 && InsideACheckout(Root) ? null : known;
            }

            folders = known.Folders;
        }

        if (folders is not [var gitFolder, var commonFolder])
        {
            yield break;
        }

        var head = System.IO.Path.Combine(gitFolder, "HEAD");
        yield return head;
        yield return System.IO.Path.Combine(gitFolder, "logs", "HEAD");
        // A shallow clone made full (git fetch --unshallow) brings the history and moves nothing else (found by replay 5).
        yield return System.IO.Path.Combine(commonFolder, "shallow");
        string? named = null;
        try
        {
            named = File.ReadAllText(head) is var text && text.StartsWith("ref: ", StringComparison.Ordinal) ? text[5..].Trim() : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Counted as it is: HEAD's own time and size above.
        }

        if (named is not null && !named.Contains("..", StringComparison.Ordinal))
        {
            yield return System.IO.Path.Combine(commonFolder, named);
        }
    }

    // A .git folder (or a worktree's .git file) here or above: git's own test, without running git.
    private static bool InsideACheckout(string folder)
    {
        for (var at = new DirectoryInfo(folder); at is not null; at = at.Parent)
        {
            if (System.IO.Path.Exists(System.IO.Path.Combine(at.FullName, ".git")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a name outside images/ can be content: articles, the .yml files, and folders (and files without an
    /// extension). The watcher hears the same (ContentImportService.IsContent).
    /// </summary>
    public static bool IsContentName(string name) => System.IO.Path.GetExtension(name).ToLowerInvariant() is ".md" or ".yml" or "";

    /// <summary>The watcher saw this file change: the next read reads it whatever its size and time.</summary>
    public void Changed(string path) => _changed[path] = true;

    /// <summary>
    /// Every article file, each read on its own: a file that cannot be read becomes an error on that file and the
    /// others are still read. Names ending in ".MD" are included so that the editor hears about them.
    /// </summary>
    public (IReadOnlyList<ContentFile> Files, IReadOnlyList<ContentError> Errors) ReadArticles()
    {
        var folder = System.IO.Path.Combine(Root, ArticlesFolderName);
        var files = new List<ContentFile>();
        var errors = new List<ContentError>();
        if (LinkedArticlesFolder() is { } linked)
        {
            // Refused in `check` as in the import (ContentFolder.Missing), which keeps the last good content meanwhile.
            errors.Add(new ContentError(ArticlesFolderName, 1, 1, linked));
            return (files, errors);
        }

        if (!Directory.Exists(folder))
        {
            return (files, errors);
        }

        // Marks that arrive from now on are for the next read.
        var changed = Interlocked.Exchange(ref _changed, new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        var readFrom = FolderIdentity.Of(folder);
        if (readFrom is null || readFrom != _lastReadFrom)
        {
            _lastRead = new(StringComparer.Ordinal);
        }

        var paths = Directory.EnumerateFileSystemEntries(folder)
            .Where(path => System.IO.Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase))
            .Where(path => !System.IO.Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(path => !IsHidden(Root, path))
            .Order(StringComparer.Ordinal);
        var read = new Dictionary<string, (long, DateTime, ContentFile)>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            var stamp = info.Exists && info.LinkTarget is null ? (info.Length, info.LastWriteTimeUtc) : (-1, default);
            if (stamp.Item1 >= 0 && !changed.ContainsKey(path) && _lastRead.TryGetValue(path, out var last) && (last.Length, last.Changed) == stamp)
            {
                files.Add(last.File);
                read[path] = last;
                continue;
            }

            var result = ReadOne(path, $"{ArticlesFolderName}/{System.IO.Path.GetFileName(path)}");
            if (result.Succeeded)
            {
                files.Add(result.Value!);
                if (stamp.Item1 >= 0 && IsSettled(stamp.LastWriteTimeUtc))
                {
                    read[path] = (stamp.Length, stamp.LastWriteTimeUtc, result.Value!);
                }
            }
            else
            {
                errors.AddRange(result.Errors);
            }
        }

        _lastRead = read;
        _lastReadFrom = readFrom;
        if (draft is not null)
        {
            files.RemoveAll(file => file.Path == draft.Path);
            errors.RemoveAll(error => error.File == draft.Path);
            files.Add(draft);
            files.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        }

        return (files, errors);
    }

    private static bool HoldsNoArticle(string articles)
    {
        try
        {
            return !Directory.EnumerateFiles(articles, "*.md", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive }).Any();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false; // said by the reading that follows
        }
    }

    /// <summary>
    /// True when articles/ holds no article (or is gone) because the checkout's last commit deleted every one: a deletion
    /// like any other, which a site built from that commit takes, having nothing else to serve; a running site took it for
    /// a fault and kept serving them (found replaying issue 21). Not a folder emptied by hand, nor one outside git, nor
    /// one whose history never had an article (then the path is wrong). Asked of git only when no article is there.
    /// </summary>
    public bool EveryArticleDeletedInACommit() => EveryArticleDeletedInACommit(System.IO.Path.Combine(Root, ArticlesFolderName));

    private bool EveryArticleDeletedInACommit(string articles) =>
        (!Directory.Exists(articles) || HoldsNoArticle(articles))
        && GitCommand.Run(Root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}") is not null
        && CommittedArticles() == 0
        && GitCommand.Run(Root, "log", "-1", "--format=%H", "--", ArticlesFolderName + "/") is { Length: > 0 };

    /// <summary>How many articles the checkout's last commit has in articles/ (0 outside git).</summary>
    private int CommittedArticles() =>
        (GitCommand.Run(Root, "ls-tree", "--name-only", "HEAD", "--", ArticlesFolderName + "/") ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Why this folder cannot be the whole truth right now, or null: deletions are taken only from a folder that is
    /// there and readable. An articles folder that is missing or holds no article while the store serves some is a
    /// fault too (a botched checkout), not an editor removing every article at once.
    /// </summary>
    public string? Missing(bool storeHasArticles)
    {
        if (!Directory.Exists(Root))
        {
            return $"The content folder {Root} is missing. The site keeps serving the content it imported last; it imports again as soon as the folder is back.";
        }

        try
        {
            // A folder the site may not read looks empty from inside: say which it is.
            _ = Directory.EnumerateFileSystemEntries(Root).Any();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"The content folder {Root} cannot be read ({exception.Message}). The site keeps serving the content it imported last; "
                + "it imports again as soon as the folder can be read: give the site's user read access to it.";
        }

        if (LinkedArticlesFolder() is { } linked)
        {
            return $"{linked} The site keeps serving the content it imported last; it imports again once the folder is in place.";
        }

        var articles = System.IO.Path.Combine(Root, ArticlesFolderName);
        if (EveryArticleDeletedInACommit(articles))
        {
            return null;
        }

        if (!storeHasArticles)
        {
            // A new site may have no article yet, but it has the folder for them: without it the path is wrong, or a
            // checkout half made (found replaying issue 21: a new store served an empty site, and health said Healthy).
            if (!Directory.Exists(articles))
            {
                return $"{articles} is missing. Point Discovery:ContentPath at the folder that holds kinds.yml and articles/; the site imports as soon as it is there.";
            }

            // Nor does it hold none while the last commit has some: every article deleted and not committed is a checkout
            // half made, which a running site takes for a fault; a new one served an empty site and said Healthy (found
            // by sweep 8). Asked of git only then.
            return HoldsNoArticle(articles) && CommittedArticles() is > 0 and var committed
                ? $"{articles} holds no article, while the last commit has {committed}: a checkout half made, or every article deleted and not committed. "
                    + "The site imports as soon as they are back; to take every article off the site, commit their deletion."
                : null;
        }

        try
        {
            if (!Directory.Exists(articles) || !Directory.EnumerateFiles(articles, "*.md", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = false }).Any())
            {
                return $"{articles} is missing or holds no article, while the site serves some. The site keeps serving them; "
                    + "it imports again as soon as the articles are back. To take articles off the site, delete them one by one.";
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{articles} cannot be read ({exception.Message}). The site keeps serving the content it imported last.";
        }

        return null;
    }

    /// <summary>
    /// What is wrong when articles/ is a link to a folder (elsewhere on the machine, or inside the content folder): the
    /// watcher does not follow it, so its articles were served but no edit of them was ever imported, while health said
    /// every file was (found by sweep 8); and only files inside the content folder are read, as for pictures. The
    /// content folder itself may be a link (a deploy that repoints it): that one is resolved and watched.
    /// </summary>
    private string? LinkedArticlesFolder()
    {
        var articles = new DirectoryInfo(System.IO.Path.Combine(Root, ArticlesFolderName));
        return articles.LinkTarget is { } target
            ? $"{ArticlesFolderName}/ is a link to '{target}', and a linked folder is neither read nor watched for changes. "
                + "Replace the link with the folder of articles itself."
            : null;
    }

    /// <summary>
    /// File times tick in steps of a few milliseconds, so a file written again within the same step keeps its time:
    /// only a file whose last change is clearly in the past is trusted to be unchanged while its time stays the same.
    /// (The file system's clock, not the site's TimeProvider: the two are compared here.)
    /// </summary>
    internal static bool IsSettled(DateTime lastWriteUtc) => lastWriteUtc < DateTime.UtcNow - SettleTime;

    /// <summary>How long a file must have been still before it is taken to be whole.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a file that looks cut off must have been still before it is taken to be whole: an upload that stalls
    /// between two pieces (a slow link, an FTP client's pause) leaves the file ending mid-line for longer than
    /// <see cref="SettleTime"/>, while an editor's save ends with a line break.
    /// </summary>
    public static readonly TimeSpan CutOffSettleTime = TimeSpan.FromSeconds(60);

    /// <summary>How long a file with this text must have been still: longer when it does not end with a line break.</summary>
    public static TimeSpan SettleTimeOf(string text) => text.EndsWith('\n') || text.EndsWith('\r') ? SettleTime : CutOffSettleTime;

    /// <summary>
    /// Whether a file may still be in the middle of being written: it changed within its settle time (see
    /// <see cref="SettleTimeOf"/>). A time further in the future (a clock set wrong) says nothing, so that nothing waits
    /// on it for long.
    /// </summary>
    public static bool MayBeBeingWritten(DateTime lastWriteUtc, string text)
    {
        var now = DateTime.UtcNow;
        return lastWriteUtc > now - SettleTimeOf(text) && lastWriteUtc <= now + SettleTime;
    }

    private ParseResult<ContentFile> ReadOne(string path, string displayPath)
    {
        try
        {
            return ContentFileReader.Read(path, displayPath, Root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Deleted or renamed between listing and reading (editors' tools save in steps), or not readable by the site.
            return ParseResult<ContentFile>.Failure([new ContentError(displayPath, 1, 1,
                $"The file could not be read ({exception.Message}). If it was being saved, this clears at the next change; "
                + "otherwise check that the site may read it.")]);
        }
    }

    /// <summary>
    /// The repository's content folder when the app runs from a checkout (dotnet run, tests),
    /// found by walking up from the app's folder.
    /// </summary>
    public static string? FindFrom(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "content");
            if (File.Exists(System.IO.Path.Combine(candidate, KindsFileName)))
            {
                return candidate;
            }
        }

        return null;
    }
}
