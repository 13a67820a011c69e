using System.Formats.Tar;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// The content folder as it was at a git revision, for <c>check --base</c>: what was published there is what the
/// working content must keep answering. Without a revision, the merge base with the main branch.
/// </summary>
public static class BaseContent
{
    /// <summary>A copy of the content folder at <paramref name="revision"/> in a new temporary folder, or why there is none.</summary>
    /// <returns>
    /// The folder (null when the revision had no content folder: nothing was published), the temporary folder to
    /// delete afterwards, the commit, or an error message.
    /// </returns>
    public static (string? Folder, string? Temporary, string? Revision, string? Error) Extract(string contentRoot, string? revision)
    {
        if (GitCommand.Run(contentRoot, "rev-parse", "--show-toplevel") is not { } top)
        {
            return (null, null, null, "not a git checkout (or git is not installed), so published addresses cannot be checked; run check in a clone, "
                + "or give --base <revision> there");
        }

        revision ??= MergeBaseWithMain(contentRoot);
        if (revision is null)
        {
            return (null, null, null, "no main branch to compare with was found; give --base <revision>");
        }

        if (GitCommand.Run(contentRoot, "rev-parse", "--verify", "--quiet", revision + "^{commit}") is not { } commit)
        {
            return (null, null, null, $"'{revision}' is not a revision of this repository");
        }

        var prefix = Path.GetRelativePath(top.Trim(), Path.GetFullPath(contentRoot)).Replace('\\', '/');
        var target = ScratchFolder.Create("impala-base").FullName;
        using var archive = new MemoryStream();
        if (!GitCommand.RunToStream(top.Trim(), archive, "archive", "--format=tar", commit.Trim(), "--", prefix))
        {
            // The folder did not exist at that revision: nothing was published from it.
            Directory.Delete(target, recursive: true);
            return (null, null, commit.Trim(), null);
        }

        archive.Position = 0;
        TarFile.ExtractToDirectory(archive, target, overwriteFiles: true);
        var folder = Path.Combine(target, prefix);
        return (Directory.Exists(folder) ? folder : null, target, commit.Trim(), null);
    }

    private static string? MergeBaseWithMain(string contentRoot)
    {
        foreach (var main in new[] { "origin/main", "main", "origin/master", "master" })
        {
            if (GitCommand.Run(contentRoot, "merge-base", "HEAD", main) is { } found)
            {
                return found.Trim();
            }
        }

        return null;
    }
}
