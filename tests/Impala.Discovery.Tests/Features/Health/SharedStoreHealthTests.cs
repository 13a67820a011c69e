namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// A rolling deploy set up wrong: the old release and the new one side by side on one store file, each with its own
/// content folder (issue 21's sweep). Each import of one overwrote the other's content, and both said Healthy while
/// serving what the other had imported.
/// </summary>
public sealed class SharedStoreHealthTests
{
    private const string Article = "/series/record-labels";

    [Fact]
    public async Task SecondInstanceWritesTheStore_TheFirstSaysDegraded_UntilItImportsItsOwnContentAgain()
    {
        var database = TempFolder.Create("db");
        var oldRelease = TempFolder.CopyOf(FrozenContent.Path);
        var newRelease = TempFolder.CopyOf(FrozenContent.Path);
        File.AppendAllText(Path.Combine(newRelease, "articles", "2021-03-record-labels.md"), "\nA line only the new release has.\n");
        await using var old = new DiscoveryFactory(oldRelease, watchContent: true, databaseFolder: database);
        using var oldClient = old.CreateClient();
        await Eventually.WaitForAsync(() => oldClient.ReadyAsync(), body => body.StartsWith("Healthy", StringComparison.Ordinal), "the old instance ready");

        await using (var next = new DiscoveryFactory(newRelease, databaseFolder: database))
        {
            using var nextClient = next.CreateClient();
            // On a store that holds content, an instance serves it at once and imports its own folder meanwhile.
            await Eventually.WaitForAsync(() => nextClient.PageAsync(Article), page => page.Contains("A line only the new release has.", StringComparison.Ordinal),
                "the new instance's import");
            Assert.StartsWith("Healthy", await nextClient.ReadyAsync());
        }

        // The old instance now serves the new release's content: it says so, and why, and keeps serving.
        var degraded = await oldClient.ReadyAsync();
        Assert.StartsWith("Degraded", degraded);
        Assert.Contains("Another process wrote the store", degraded);
        Assert.Contains(oldRelease, degraded);

        File.AppendAllText(Path.Combine(oldRelease, "articles", "2021-03-record-labels.md"), "\nAn edit of the old release.\n");
        await Eventually.WaitForAsync(() => oldClient.PageAsync(Article), page => page.Contains("An edit of the old release.", StringComparison.Ordinal),
            "the old instance importing its own content again");
        Assert.DoesNotContain("A line only the new release has.", await oldClient.PageAsync(Article));
        Assert.StartsWith("Healthy", await oldClient.ReadyAsync());
    }

    /// <summary>
    /// Two builds of one content on one store (found by sweep 6): the content version is the same, but the rows hold the
    /// other build's rendering, which the first served as its own while it said Healthy.
    /// </summary>
    [Fact]
    public async Task AnotherBuildWritesTheSameContent_TheFirstSaysDegraded_UntilItsNextImportWritesItsOwnRendering()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        await Eventually.WaitForAsync(() => client.ReadyAsync(), body => body.StartsWith("Healthy", StringComparison.Ordinal), "the instance ready");

        using (var otherBuild = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=false"))
        {
            otherBuild.Open();
            using var command = otherBuild.CreateCommand();
            command.CommandText = "UPDATE Entries SET Caption = 'as another build made it'; UPDATE Articles SET RowsHash = 'its rows'; UPDATE StoreInfo SET WrittenBy = 'another build'";
            command.ExecuteNonQuery();
        }

        // Eventually: an import of its own may be running (the files were copied a moment ago, and are read again once
        // settled), and while it runs the instance cannot tell another's writes from its own.
        var degraded = await Eventually.WaitForAsync(() => client.ReadyAsync(), body => body.StartsWith("Degraded", StringComparison.Ordinal),
            "the instance noticing the other build's write");
        File.AppendAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"), "\nAn edit after the other build wrote.\n");
        await Eventually.WaitForAsync(() => client.PageAsync(Article), page => page.Contains("An edit after the other build wrote.", StringComparison.Ordinal),
            "the instance importing again");

        Assert.StartsWith("Degraded", degraded);
        Assert.Contains("Another process wrote the store", degraded);
        Assert.StartsWith("Healthy", await client.ReadyAsync());
        Assert.DoesNotContain("as another build made it", await client.PageAsync("/venues"));
    }

    [Fact]
    public async Task OneInstance_ManyImports_StaysHealthy()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        for (var edit = 1; edit <= 5; edit++)
        {
            var line = $"Edit number {edit} of one instance.";
            File.AppendAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"), $"\n{line}\n");
            await Eventually.WaitForAsync(() => client.PageAsync(Article), page => page.Contains(line, StringComparison.Ordinal), "the edit imported");
            Assert.StartsWith("Healthy", await client.ReadyAsync());
        }
    }
}
