using Microsoft.Data.Sqlite;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// A release of another schema on the same store file (a rolling deploy set up wrong) made the store over this one's
/// while it said "Every content file is imported" (found by sweep 5): health says what happened and what to do.
/// </summary>
public sealed class OtherSchemaHealthTests
{
    [Fact]
    public async Task AStoreAnotherBuildMade_HealthSaysDegraded_AndWhy()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        Assert.StartsWith("Healthy", await client.ReadyAsync());

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE StoreInfo SET SchemaVersion = 19";
            command.ExecuteNonQuery();
        }

        var degraded = await client.ReadyAsync();
        Assert.StartsWith("Degraded", degraded);
        Assert.Contains("made by another build of the site (schema 19", degraded);
        Assert.Contains("Give each instance its own store", degraded);
    }
}
