using System.Collections.Concurrent;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The last good version of a file the store never held, taken from the content's history. A running site keeps the
/// last version of a refused file it accepted; a new store never accepted one, and served nothing of it: a new
/// instance of content the checks refuse served less than a running one (64 addresses of the labels article answered
/// 404 after a `pull --rebase`, found by replay 7). The history says the same on every instance built from one
/// checkout: for an article, the newest committed version that a site built from the commit that brought it accepted
/// (a newcomer refused from its first commit has none, as on a running site); for kinds.yml and removed.yml, the newest
/// committed version that reads well.
/// </summary>
/// <param name="contentRoot">The content folder, in a git checkout or not (then nothing is found).</param>
/// <param name="parser">A parser like the site's; a new one of its kind reads each commit, so the site's own keeps its files.</param>
public sealed class LastGoodFromHistory(string contentRoot, IsolatedArticleParser parser)
{
    /// <summary>At most this many committed versions of one file are tried, newest first.</summary>
    public const int VersionsTried = 3;

    /// <summary>At most this many commits are evaluated in one import: each is an evaluation of all the content there.</summary>
    public const int CommitsEvaluated = 6;

    // The articles a site built from a commit accepted, by content folder, commit and day: a commit never changes, and a
    // refused file asks again at every import until it is fixed.
    private static readonly ConcurrentDictionary<(string Root, string Commit, DateOnly Today), IReadOnlySet<string>> AcceptedAt = new();

    /// <summary>
    /// For each of <paramref name="files"/> that has one, its last good version's text, under the file's name today, and the
    /// commit it comes from.
    /// </summary>
    public async Task<IReadOnlyList<(ContentFile File, string Commit)>> ArticlesAsync(IEnumerable<string> files, DateOnly today, CancellationToken cancellationToken)
    {
        var found = new List<(ContentFile, string)>();
        var history = new FirstPublication(contentRoot);
        var evaluated = 0;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            foreach (var version in history.CommittedVersions(file).Reverse().Take(VersionsTried))
            {
                if (!AcceptedAt.TryGetValue((contentRoot, version.Commit, today), out var accepted))
                {
                    if (evaluated++ == CommitsEvaluated)
                    {
                        return found;
                    }

                    accepted = AcceptedAt[(contentRoot, version.Commit, today)] = await AcceptedAtAsync(version.Commit, today, cancellationToken);
                }

                var then = ContentFolder.ArticlesFolderName + "/" + Path.GetFileName(version.Path);
                if (accepted.Contains(then) && GitCommand.Run(contentRoot, "cat-file", "blob", version.Blob) is { } text)
                {
                    found.Add((new ContentFile(file, text), version.Commit));
                    break;
                }
            }
        }

        return found;
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
        foreach (var version in new FirstPublication(contentRoot).CommittedVersions(file).Reverse().Take(VersionsTried))
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

    /// <summary>The articles a site built from the commit would write: the content there, evaluated as a new store does.</summary>
    private async Task<IReadOnlySet<string>> AcceptedAtAsync(string commit, DateOnly today, CancellationToken cancellationToken)
    {
        var (folder, temporary, revision, _) = BaseContent.Extract(contentRoot, commit);
        try
        {
            if (folder is null)
            {
                return new HashSet<string>(StringComparer.Ordinal);
            }

            var evaluation = await new ContentEvaluator(new ContentFolder(folder), parser.Fresh(), new FirstPublication(contentRoot, revision))
                .EvaluateAsync(PreviousContent.None, today, cancellationToken);
            return (evaluation.Plan?.Write ?? []).Select(written => written.File).ToHashSet(StringComparer.Ordinal);
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
