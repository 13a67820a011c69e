using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// Found by the issue-21 sweep (kill -9 trials): a restart over a store an earlier run filled serves at once, and until
/// its first import ends (seconds at thousands of entries, more after a deploy, when every file is parsed again) the
/// files edited while it was down are not imported yet. Health said "Every content file is imported" all the while.
/// </summary>
public sealed class RestartHealthTests
{
    [Fact]
    public async Task ARestart_BeforeItsFirstImportEnds_ServesTheEarlierContent_AndSaysSoRatherThanEveryFileIsImported()
    {
        var content = TempFolder.Create("content");
        TempFolder.CopyInto(FrozenContent.Path, content);
        var database = TempFolder.Create("db");
        await using (var before = new DiscoveryFactory(content, databaseFolder: database))
        {
            using var client = before.CreateClient();
            Assert.Contains("Every content file is imported", await client.ReadyAsync());
        }

        File.AppendAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"), "\nWritten while the site was down.\n");
        // The restart's import held back: the store from the earlier run serves meanwhile, as it does for real.
        await using var restarted = new DiscoveryFactory(content, databaseFolder: database, importContent: false);
        restarted.Services.GetRequiredService<StoreReadiness>().MarkReady();
        using var visitor = restarted.CreateClient();

        using var ready = await visitor.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var said = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.DoesNotContain("Written while the site was down.", await visitor.PageAsync("/series/record-labels"));
        Assert.DoesNotContain("Every content file is imported", said);
        Assert.Contains("content: Healthy: Serving what an earlier run imported", said);
    }
}
