using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

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
            // What another build left: its own rendering of every entry (rows that hash otherwise), and its name on the store.
            await db.Entries.ExecuteUpdateAsync(set => set.SetProperty(entry => entry.Caption, OtherRendering), cancellationToken);
            await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(article => article.RowsHash, "another build's rows"), cancellationToken);
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

    [Fact]
    public async Task AStoreAnotherBuildWroteAsThisOneWould_IsLeftAsItIs_AndItsParsesAreKeptForTheNextRestart()
    {
        // Most deploys change how pages look, not what the store holds: writing every article again then cost about 6 s
        // at 10,000 entries, and an edit saved meanwhile waited for it.
        var cancellationToken = TestContext.Current.CancellationToken;
        using var upgraded = new ImportHarness();
        await upgraded.ImportAsync();
        await using (var db = upgraded.CreateDbContext())
        {
            await db.StoreInfo.ExecuteUpdateAsync(set => set.SetProperty(info => info.WrittenBy, "another build"), cancellationToken);
            await db.KeptParses.ExecuteUpdateAsync(set => set.SetProperty(kept => kept.ParsedBy, "another build"), cancellationToken);
        }

        using var deployed = upgraded.Restarted();
        var afterDeploy = await deployed.ImportAsync();
        var parsed = new List<string>();
        using var restartedAgain = deployed.Restarted(new IsolatedArticleParser(NullLogger.Instance, (kinds, file) =>
        {
            lock (parsed)
            {
                parsed.Add(file.Path);
            }

            return new ArticleParser(kinds).Parse(file.Path, file.Text);
        }));
        await restartedAgain.ImportAsync();
        using var fresh = new ImportHarness();
        await fresh.ImportAsync();

        Assert.Equal((0, afterDeploy.Articles), (afterDeploy.ArticlesWritten, afterDeploy.ArticlesLeftAlike));
        Assert.Empty(parsed);
        Assert.Equal(await CaptionsAsync(fresh), await CaptionsAsync(deployed));
        await using var deployedDb = deployed.CreateDbContext();
        Assert.Equal(KeptParseJson.Build, (await deployedDb.StoreInfo.SingleAsync(cancellationToken)).WrittenBy);
    }

    [Fact]
    public async Task AnEditAfterADeploy_IsWrittenEvenWhereEveryOtherArticleIsLeftAsItIs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var upgraded = new ImportHarness();
        await upgraded.ImportAsync();
        await using (var db = upgraded.CreateDbContext())
        {
            await db.StoreInfo.ExecuteUpdateAsync(set => set.SetProperty(info => info.WrittenBy, "another build"), cancellationToken);
        }

        upgraded.Edit("2021-03-record-labels.md", "- **City:** London", "- **City:** Brixton");
        using var deployed = upgraded.Restarted();
        var afterDeploy = await deployed.ImportAsync();

        Assert.Equal((1, afterDeploy.Articles - 1), (afterDeploy.ArticlesWritten, afterDeploy.ArticlesLeftAlike));
        Assert.Contains("Brixton", (await deployed.FindEntryAsync("labels", "ninja-tune"))!.Facts.Single(fact => fact.Key == "City").Values);
    }

    [Fact]
    public async Task AKindsChange_WritesOnlyTheArticlesItChanges()
    {
        // kinds.yml is part of every article's fingerprint, so any change to it (a new kind, a colour) had every article
        // written again; only the venues' caption changes here, which no longer says when each opened.
        using var site = new ImportHarness();
        var before = await site.ImportAsync();
        var kinds = Path.Combine(site.ContentPath, "kinds.yml");
        var text = File.ReadAllText(kinds);
        Assert.Contains("caption: City, Country, Opened", text);
        File.WriteAllText(kinds, text.Replace("caption: City, Country, Opened", "caption: City, Country"));

        var after = await site.ImportAsync();
        using var fresh = new ImportHarness(site.ContentPath);
        await fresh.ImportAsync();

        Assert.Equal((1, before.Articles - 1), (after.ArticlesWritten, after.ArticlesLeftAlike));
        Assert.Equal(await CaptionsAsync(fresh), await CaptionsAsync(site));
    }

    private static async Task<List<string>> CaptionsAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return await db.Entries.OrderBy(entry => entry.KindKey).ThenBy(entry => entry.Slug)
            .Select(entry => entry.KindKey + "/" + entry.Slug + " " + entry.Caption).ToListAsync(TestContext.Current.CancellationToken);
    }
}
