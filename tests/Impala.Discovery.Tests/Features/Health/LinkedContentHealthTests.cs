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
        var deploy = TempFolder.Create("linked-content");
        var first = Path.Combine(deploy, "release-1");
        var second = Path.Combine(deploy, "release-2");
        TempFolder.CopyInto(FrozenContent.Path, first);
        TempFolder.CopyInto(FrozenContent.Path, second);
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

    // As an operator does it: a new link renamed over the old one, so that the name never leads nowhere in between.
    private static void Repoint(string link, string target)
    {
        Shell.Run("ln", "-sfn", target, link + ".tmp");
        Shell.Run("mv", "-T", link + ".tmp", link);
    }
}
