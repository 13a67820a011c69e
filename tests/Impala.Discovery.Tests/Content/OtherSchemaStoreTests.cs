using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Two releases on one store file (a rolling deploy set up wrong) can leave this build on a store the other made, of an
/// older schema: every import then failed on a table that schema lacks until a restart (found by sweep 5). The import
/// now builds such a store again from the content, as it does one that has gone.
/// </summary>
public sealed class OtherSchemaStoreTests
{
    [Fact]
    public async Task AStoreAnotherBuildMadeOverThisOnes_IsBuiltAgainByTheNextImport_WhichTakesTheEdit()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        await using (var db = harness.CreateDbContext())
        {
            // What an older release leaves: its schema number, and no table for what it did not know.
            await db.StoreInfo.ExecuteUpdateAsync(set => set.SetProperty(info => info.SchemaVersion, 19), cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE KeptParses", cancellationToken);
        }

        harness.Edit("2021-03-record-labels.md", "- **City:** London", "- **City:** Greater London");
        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
        await using var rebuilt = harness.CreateDbContext();
        Assert.Equal(DiscoveryDatabase.SchemaVersion, (await rebuilt.StoreInfo.SingleAsync(cancellationToken)).SchemaVersion);
        Assert.True(await rebuilt.KeptParses.AnyAsync(cancellationToken));
    }
}
