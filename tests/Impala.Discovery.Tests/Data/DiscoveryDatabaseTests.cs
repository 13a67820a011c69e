using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Data;

public sealed class DiscoveryDatabaseTests
{
    [Fact]
    public async Task EnsureReady_FileFromAnOlderSchema_IsRebuiltEmpty()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        await using (var db = harness.CreateDbContext())
        {
            await db.StoreInfo.ExecuteUpdateAsync(info => info.SetProperty(i => i.SchemaVersion, 0), TestContext.Current.CancellationToken);
        }

        await using (var db = harness.CreateDbContext())
        {
            await DiscoveryDatabase.EnsureReadyAsync(db, TestContext.Current.CancellationToken);
            Assert.Equal(0, await db.Entries.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(DiscoveryDatabase.SchemaVersion, (await db.StoreInfo.SingleAsync(TestContext.Current.CancellationToken)).SchemaVersion);
        }

        var report = await harness.ImportAsync();
        Assert.Equal(80, report.Entries);
    }

    [Fact]
    public async Task EnsureReady_FileThatIsNotOurs_IsReplaced()
    {
        var path = Path.Combine(TempFolder.Create("db"), "discovery.db");
        await File.WriteAllTextAsync(path, "", TestContext.Current.CancellationToken);
        var options = new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var setup = new DiscoveryDbContext(options))
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE Unrelated (Id INTEGER)", TestContext.Current.CancellationToken);
        }

        await using var db = new DiscoveryDbContext(options);
        await DiscoveryDatabase.EnsureReadyAsync(db, TestContext.Current.CancellationToken);

        Assert.Equal(0, await db.Articles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EnsureReady_FileThatIsNoStoreAtAll_IsSetAsideUntouched_AndAStoreBuiltInItsPlace(bool withAnSqliteHeader)
    {
        var folder = Path.Combine(TempFolder.Create("db"), "gone-too");
        var path = Path.Combine(folder, "discovery.db");
        Directory.CreateDirectory(folder);
        var bytes = new byte[32 * 1024];
        new Random(7).NextBytes(bytes);
        if (withAnSqliteHeader)
        {
            "SQLite format 3\0"u8.CopyTo(bytes);
        }

        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        var options = new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={path}").Options;

        string? setAside;
        await using (var db = new DiscoveryDbContext(options))
        {
            setAside = await DiscoveryDatabase.EnsureReadyAsync(db, TestContext.Current.CancellationToken);
            Assert.Equal(DiscoveryDatabase.SchemaVersion, (await db.StoreInfo.SingleAsync(TestContext.Current.CancellationToken)).SchemaVersion);
        }

        Assert.NotNull(setAside);
        Assert.StartsWith(path + ".unreadable-", setAside);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(setAside, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EnsureReady_FolderThatHasGone_IsMadeAgain()
    {
        var folder = Path.Combine(TempFolder.Create("db"), "deleted", "with-the-store");
        var options = new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "discovery.db")}").Options;

        await using var db = new DiscoveryDbContext(options);
        Assert.Null(await DiscoveryDatabase.EnsureReadyAsync(db, TestContext.Current.CancellationToken));

        Assert.True(File.Exists(Path.Combine(folder, "discovery.db")));
    }
}
