using System.Diagnostics;
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
        if (Git(contentRoot, "rev-parse", "--show-toplevel") is not { } top)
        {
            return (null, null, null, "not a git checkout (or git is not installed), so published addresses cannot be checked; run check in a clone, "
                + "or give --base <revision> there");
        }

        revision ??= MergeBaseWithMain(contentRoot);
        if (revision is null)
        {
            return (null, null, null, "no main branch to compare with was found; give --base <revision>");
        }

        if (Git(contentRoot, "rev-parse", "--verify", "--quiet", revision + "^{commit}") is not { } commit)
        {
            return (null, null, null, $"'{revision}' is not a revision of this repository");
        }

        var prefix = Path.GetRelativePath(top.Trim(), Path.GetFullPath(contentRoot)).Replace('\\', '/');
        var target = Path.Combine(Path.GetTempPath(), "impala-base-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        using var archive = new MemoryStream();
        if (!GitToStream(top.Trim(), archive, "archive", "--format=tar", commit.Trim(), "--", prefix))
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
            if (Git(contentRoot, "merge-base", "HEAD", main) is { } found)
            {
                return found.Trim();
            }
        }

        return null;
    }

    private static string? Git(string folder, params string[] arguments)
    {
        using var output = new MemoryStream();
        return GitToStream(folder, output, arguments) ? System.Text.Encoding.UTF8.GetString(output.ToArray()) : null;
    }

    private static bool GitToStream(string folder, Stream output, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var errors = git.StandardError.ReadToEndAsync();
            git.StandardOutput.BaseStream.CopyTo(output);
            git.WaitForExit();
            _ = errors.Result;
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
