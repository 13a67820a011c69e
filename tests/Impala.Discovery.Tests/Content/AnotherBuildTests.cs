using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The store's rows hold what the build that wrote them made of each text: captions, HTML, descriptions, search rows.
/// A new build deployed over a store of the same schema wrote only the articles whose text changed, so the others kept
/// the old build's rendering for good, and an upgraded instance served other pages than a new one built from the same
/// commit (found by sweep 5 with a build that only changed the caption's separator). A store another build wrote now
/// has every article written again.
/// </summary>
public sealed class AnotherBuildTests
{
    private const string OtherRendering = "as another build made it";

    [Fact]
    public async Task AStoreAnotherBuildWrote_IsWrittenAgain_AndThenServesWhatAFreshStoreServes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var upgraded = new ImportHarness();
        await upgraded.ImportAsync();
        await using (var db = upgraded.CreateDbContext())
        {
            // What another build left: its own rendering of every entry, and its name on the store.
            await db.Entries.ExecuteUpdateAsync(set => set.SetProperty(entry => entry.Caption, OtherRendering), cancellationToken);
            await db.StoreInfo.ExecuteUpdateAsync(set => set.SetProperty(info => info.WrittenBy, "another build"), cancellationToken);
        }

        using var deployed = upgraded.Restarted();
        var afterDeploy = await deployed.ImportAsync();
        using var restartedAgain = deployed.Restarted();
        var afterRestart = await restartedAgain.ImportAsync();
        using var fresh = new ImportHarness();
        await fresh.ImportAsync();

        Assert.Equal(afterDeploy.Articles, afterDeploy.ArticlesWritten);
        Assert.Equal(0, afterRestart.ArticlesWritten);
        Assert.Equal(await CaptionsAsync(fresh), await CaptionsAsync(deployed));
    }

    private static async Task<List<string>> CaptionsAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return await db.Entries.OrderBy(entry => entry.KindKey).ThenBy(entry => entry.Slug)
            .Select(entry => entry.KindKey + "/" + entry.Slug + " " + entry.Caption).ToListAsync(TestContext.Current.CancellationToken);
    }
}
