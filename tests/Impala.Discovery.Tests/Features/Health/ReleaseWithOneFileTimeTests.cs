using System.Net;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// Releases whose files all carry one fixed time (a Nix store path: mtime 1; a reproducible tarball, tar --mtime=@0;
/// a `cp -a` of a build artifact), deployed by repointing a link (capistrano's current -> releases/N, git-sync): a fix
/// that keeps a file's length leaves its size and time as they were under the same path (found by replay 6).
/// </summary>
public sealed class ReleaseWithOneFileTimeTests
{
    [Fact]
    public async Task LinkRepointedToAReleaseWhoseEditKeepsSizeAndTime_TheNewTextIsServed()
    {
        var deploy = TempFolder.Create("fixed-times");
        var first = Path.Combine(deploy, "release-1");
        var second = Path.Combine(deploy, "release-2");
        TempFolder.CopyInto(FrozenContent.Path, first);
        TempFolder.CopyInto(FrozenContent.Path, second);
        var article = Path.Combine("articles", "2021-03-record-labels.md");
        var text = File.ReadAllText(Path.Combine(second, article));
        // "Silence" and "Quietud" have the same length: the file keeps its size.
        File.WriteAllText(Path.Combine(second, article), text.Replace("Next to Silence", "Next to Quietud", StringComparison.Ordinal));
        var time = new DateTime(1970, 1, 1, 0, 0, 1, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, time);
        }

        var content = Path.Combine(deploy, "content");
        Directory.CreateSymbolicLink(content, first);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.Contains("Next to Silence", await client.PageAsync("/labels/ecm"));

        Shell.Run("ln", "-sfn", second, content + ".tmp");
        Shell.Run("mv", "-T", content + ".tmp", content);

        await Eventually.WaitForAsync(() => client.PageAsync("/labels/ecm"), page => page.Contains("Next to Quietud", StringComparison.Ordinal),
            "the second release's text served");
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync("/labels/ecm"));
    }
}
