using System.Diagnostics;

namespace Impala.Discovery.Tests;

/// <summary>A git repository in a temp folder whose <c>content/</c> starts as a copy of the frozen fixture, committed on main.</summary>
public sealed class TestRepository
{
    public TestRepository(DateTimeOffset? firstCommit = null)
    {
        Root = TempFolder.Create("repo");
        TempFolder.CopyInto(FrozenContent.Path, Content);

        Git("init", "-q", "-b", "main");
        Commit("published", firstCommit);
    }

    private TestRepository(string root) => Root = root;

    public string Root { get; }

    /// <summary>A clone of this repository in a temp folder: another instance's checkout.</summary>
    public TestRepository Clone()
    {
        var clone = new TestRepository(Path.Combine(TempFolder.Create("clone"), "repo"));
        Git("clone", "-q", Root, clone.Root);
        return clone;
    }

    public string Content => Path.Combine(Root, "content");

    /// <summary>Commits everything, at the given time (author and committer) or now.</summary>
    public void Commit(string message, DateTimeOffset? at = null)
    {
        Git("add", "-A");
        var environment = at is { } time
            ? new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = time.ToString("o"), ["GIT_COMMITTER_DATE"] = time.ToString("o") }
            : [];
        Run(environment, "-c", "user.email=test@example.org", "-c", "user.name=test", "commit", "-q", "-m", message);
    }

    public void Git(params string[] arguments) => Run([], arguments);

    /// <summary>What git printed.</summary>
    public string GitOutput(params string[] arguments) => Run([], arguments);

    private string Run(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error.Result}");
        return output;
    }
}
