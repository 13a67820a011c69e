using System.Net;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// An operator's deploy where content/ is a symbolic link to a release folder, swapped atomically
/// (<c>ln -sfn releases/2 content.tmp &amp;&amp; mv -T content.tmp content</c>): a link to a release that is not there (a
/// typo, a release cleaned up too early) leaves the site without content, which health must say.
/// </summary>
public sealed class LinkedContentHealthTests
{
    [Fact]
    public async Task ContentLinkRepointedToAMissingRelease_KeepsServing_SaysDegraded_AndRecoversOnTheNextRelease()
    {
        var (deploy, first, second) = TwoReleases();
        File.AppendAllText(Path.Combine(second, "articles", "2021-03-record-labels.md"), "\nA line of the second release.\n");
        var content = Path.Combine(deploy, "content");
        Directory.CreateSymbolicLink(content, first);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.StartsWith("Healthy", await client.ReadyAsync());

        Repoint(content, Path.Combine(deploy, "release-9"));

        var degraded = await Eventually.WaitForAsync(() => client.ReadyAsync(), body => body.StartsWith("Degraded", StringComparison.Ordinal), "health saying Degraded");
        Assert.Contains("is missing", degraded);
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/labels/ninja-tune"));

        Repoint(content, second);

        await Eventually.WaitForAsync(() => client.PageAsync("/series/record-labels"), page => page.Contains("A line of the second release.", StringComparison.Ordinal),
            "the next release imported");
        Assert.StartsWith("Healthy", await client.ReadyAsync());
    }

    /// <summary>
    /// Releases whose files all carry one fixed time (a Nix store path: mtime 1; a reproducible tarball, tar --mtime=@0;
    /// a `cp -a` of a build artifact): a fix that keeps a file's length leaves its size and time as they were under the
    /// same path, and the site served the first release's text for good (found by replay 6).
    /// </summary>
    [Fact]
    public async Task LinkRepointedToAReleaseWhoseEditKeepsSizeAndTime_TheNewTextIsServed()
    {
        var (deploy, first, second) = TwoReleases();
        var article = Path.Combine(second, "articles", "2021-03-record-labels.md");
        // "Silence" and "Quietud" have the same length: the file keeps its size.
        File.WriteAllText(article, File.ReadAllText(article).Replace("Next to Silence", "Next to Quietud", StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(1970, 1, 1, 0, 0, 1, DateTimeKind.Utc));
        }

        var content = Path.Combine(deploy, "content");
        Directory.CreateSymbolicLink(content, first);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.Contains("Next to Silence", await client.PageAsync("/labels/ecm"));

        Repoint(content, second);

        await Eventually.WaitForAsync(() => client.PageAsync("/labels/ecm"), page => page.Contains("Next to Quietud", StringComparison.Ordinal),
            "the second release's text served");
    }

    // A deploy folder with two releases of the frozen content, side by side.
    private static (string Deploy, string First, string Second) TwoReleases()
    {
        var deploy = TempFolder.Create("releases");
        var (first, second) = (Path.Combine(deploy, "release-1"), Path.Combine(deploy, "release-2"));
        TempFolder.CopyInto(FrozenContent.Path, first);
        TempFolder.CopyInto(FrozenContent.Path, second);
        return (deploy, first, second);
    }

    // As an operator does it: a new link renamed over the old one, so that the name never leads nowhere in between.
    private static void Repoint(string link, string target)
    {
        Shell.Run("ln", "-sfn", target, link + ".tmp");
        Shell.Run("mv", "-T", link + ".tmp", link);
    }
}
