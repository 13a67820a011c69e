using System.Globalization;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// When each article was first published, to decide which of several articles that claim one address keeps it. When
/// the content folder is a git checkout, that is the commit that first added the file (following renames): the same
/// answer on every instance built from one commit, whatever dates a newcomer's front matter claims. A file not yet
/// committed, or a folder outside git, falls back to the date in the front matter, then to the file name.
/// </summary>
/// <param name="contentRoot">The content folder; null to go by front-matter dates only.</param>
public sealed class FirstPublication(string? contentRoot)
{
    // One evaluation asks about the same contested files several times; git is asked once each.
    private readonly Dictionary<string, long?> _asked = new(StringComparer.Ordinal);

    public static FirstPublication ByFrontMatterOnly { get; } = new(null);

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
                // Newest first; the last line is the commit that added the file under its first name.
                var log = GitCommand.Run(contentRoot!, "log", "--follow", "--diff-filter=A", "--format=%ct", "--", file);
                var oldest = log?.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                seconds = long.TryParse(oldest, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
                _asked[file] = seconds;
            }

            return seconds;
        }
    }
}
