using Impala.Discovery.Web.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// An import that has run far longer than imports take is stuck: on a store another process holds locked, or a
/// content folder that hangs (a link loop inside articles/ did, until sweep 5's fix). Health said "Every content file is
/// imported" meanwhile; it now says what is going on, and is Healthy again once the import ends.
/// </summary>
public sealed class StuckImportHealthTests
{
    [Fact]
    public async Task AnImportWaitingOnALockedStore_IsDegradedOnceItRunsFarTooLong_AndHealthyWhenItEnds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, clock: clock);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<ContentImporter>();

        using var otherProcess = new SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=false");
        otherProcess.Open();
        using (var begin = otherProcess.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        File.AppendAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"), "\nAn edit saved while the store is locked.\n");
        var import = importer.ImportAsync(cancellationToken);
        await Eventually.WaitForAsync(() => Task.FromResult(importer.ImportingSince), since => since is not null, "the import to begin");
        var atOnce = await client.ReadyAsync();
        clock.Now += TimeSpan.FromMinutes(1);
        var aMinuteOn = await client.ReadyAsync();
        using (var rollback = otherProcess.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        await import;

        Assert.StartsWith("Healthy", atOnce);
        Assert.StartsWith("Degraded", aMinuteOn);
        Assert.Contains("An import has been under way since", aMinuteOn);
        Assert.Contains("locked by another process", aMinuteOn);
        Assert.StartsWith("Healthy", await client.ReadyAsync());
        Assert.Contains("An edit saved while the store is locked.", await client.PageAsync("/series/record-labels"));
    }
}
