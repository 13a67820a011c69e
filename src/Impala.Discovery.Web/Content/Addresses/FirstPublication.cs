using System.Globalization;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// When each article was first published, to decide which of several articles that claim one address keeps it. When
/// the content folder is a git checkout, that is the commit that first added the file (following renames): the same
/// answer on every instance built from one commit, whatever dates a newcomer's front matter claims. A file renamed and
/// not committed yet keeps the commit of the file it was renamed from. A file not yet committed, or a folder outside
/// git, falls back to the date in the front matter, then to the file name.
/// </summary>
/// <param name="contentRoot">The content folder; null to go by front-matter dates only.</param>
public sealed class FirstPublication(string? contentRoot)
{
    // One evaluation asks about the same contested files several times; git is asked once each.
    private readonly Dictionary<string, long?> _asked = new(StringComparer.Ordinal);

    // Asked of git once per evaluation, and only when a contested file has no commit of its own.
    private Dictionary<string, string>? _uncommittedRenames;

    public static FirstPublication ByFrontMatterOnly { get; } = new(null);

    /// <summary>
    /// Why the folder's history cannot say when each file was first published, or null when it can (a full clone).
    /// Without it the publication dates and file names decide: a copy of a published article, dated the same day or
    /// earlier, would then take the real one's addresses on a new instance, while a running one keeps them.
    /// </summary>
    public static string? WhyNoHistory(string contentRoot) =>
        GitCommand.Run(contentRoot, "rev-parse", "--is-shallow-repository")?.Trim() switch
        {
            null => $"{contentRoot} is not in a git checkout (or git is not installed)",
            "true" => $"{contentRoot} is in a shallow clone (made with --depth), which holds the newest commit only",
            _ => null,
        };

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
            if (Asked(file) is { } seconds)
            {
                times[file] = seconds;
            }
        }

        return times;
    }

    private long? Asked(string file)
    {
        lock (_asked)
        {
            if (!_asked.TryGetValue(file, out var seconds))
            {
                // Newest first, the commits that added the file or made it as a copy of another; renames in between are
                // followed. The newest is where this file began: --follow also walks from a copy into the history of the
                // file it was copied from, which gave a committed copy of a published article that article's time, and
                // with it the article's addresses on a new instance (found replaying issue 21).
                var log = GitCommand.Run(contentRoot!, "log", "--follow", "--diff-filter=AC", "--format=%ct", "--", file);
                var began = log?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
                seconds = long.TryParse(began, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
                    : UncommittedRenameSource(file) is { } source ? Asked(source)
                    : null;
                _asked[file] = seconds;
            }

            return seconds;
        }
    }

    /// <summary>
    /// The file this one was renamed from, when the rename is not committed yet: the watcher imports before the commit,
    /// and the renamed article, with no commit of its own, lost every address a newcomer claimed too, and with no last
    /// good version under its new name, its other entries went off the site (found replaying issue 21, with `git mv`
    /// and with a plain `mv`, a file manager or an editor's "save as").
    /// </summary>
    private string? UncommittedRenameSource(string file)
    {
        _uncommittedRenames ??= UncommittedRenames();
        return _uncommittedRenames.GetValueOrDefault(file);
    }

    /// <summary>
    /// Renames since the last commit, staged or not, as git would see them once committed: compared on a copy of the
    /// index in which every new file is marked as intended to be added (`git add -N`, which writes no object), so
    /// neither the editor's index nor the repository is changed.
    /// </summary>
    private Dictionary<string, string> UncommittedRenames()
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = GitCommand.Run(contentRoot!, "rev-parse", "--path-format=absolute", "--git-path", "index")?.Trim();
        if (index is null || !File.Exists(index))
        {
            return renames;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"impala-index-{Guid.NewGuid():N}");
        try
        {
            File.Copy(index, copy);
            var fields = GitCommand.RunWithIndex(contentRoot!, copy, "add", "--intent-to-add", "--all", "--", ".") is null ? []
                : GitCommand.RunWithIndex(contentRoot!, copy, "diff", "HEAD", "-M", "--diff-filter=R", "--name-status", "--relative", "-z")?.Split('\0') ?? [];
            for (var at = 0; at + 2 < fields.Length; at += 3)
            {
                if (fields[at].StartsWith('R') && fields[at + 1] != fields[at + 2])
                {
                    renames[fields[at + 2]] = fields[at + 1];
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No copy of the index (a full disk, a temporary folder out of reach): the files go by their own commits.
        }
        finally
        {
            File.Delete(copy);
            File.Delete(copy + ".lock");
        }

        return renames;
    }
}
