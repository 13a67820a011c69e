using System.Diagnostics;
using Impala.Discovery.Tests;

namespace Impala.Discovery.BrowserTests.Admin;

/// <summary>A temporary git repository holding a copy of the frozen fixture as its content/, as the content repository at the git host would.</summary>
public static class ContentRepository
{
    public static string Create()
    {
        var root = TempFolder.Create("repository");
        CopyFolder(FrozenContent.Path, Path.Combine(root, "content"));
        Git(root, "init", "-q", "-b", "main");
        Git(root, "add", "-A");
        Git(root, "commit", "-qm", "The fixture content");
        return root;
    }

    public static void Git(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git", ["-c", "user.email=tests@example.org", "-c", "user.name=tests", .. arguments])
        {
            WorkingDirectory = repository,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start)!;
        var errors = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {errors}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
