using System.Net;
using Microsoft.Data.Sqlite;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// A store that cannot be written when the site starts (its folder remounted read-only after a disk error, a full disk)
/// but holds a completed import: the site exited with "cannot be created or opened", and systemd restarted it in a loop,
/// an outage, where a running site in the same state serves what it holds as Degraded (found by replay 8). Now it serves
/// the store read-only, says why in health, and imports again once the store can be written. Run as the site's own
/// process, since the check that exited is the program's own, before it listens.
/// </summary>
public sealed class ReadOnlyStoreAtStartTests
{
    private const string Entry = "/labels/ecm";
    private const string Series = "/series/record-labels";
    private const string Edited = "feel like old friends";
    private const string Edit = "feel like old friends, or a read-only store";

    public static TheoryData<string> Blocks => [ReadOnly, Full];

    private const string ReadOnly = "its folder read-only";
    private const string Full = "its disk full";

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task StoreThatCannotBeWrittenAtStart_IsServedReadOnly_HealthSaysWhy_AndTheEditsGoInOnceItCanBe(string block)
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var database = TempFolder.Create("db");
        var store = Path.Combine(database, "discovery.db");
        // What the kernel does to a disk after an I/O error, or a disk filled: only root may mount, as only root's disks go so.
        if (Environment.UserName != "root")
        {
            Assert.Skip("Mounting a folder read-only or on a small disk needs root.");
        }

        using var blocked = await BlockAsync(block, content, database, store);

        var article = Path.Combine(content, "articles", "2021-03-record-labels.md");
        File.WriteAllText(article, File.ReadAllText(article).Replace(Edited, Edit, StringComparison.Ordinal));
        await using var site = SiteProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Discovery"] = $"Data Source={store}",
            ["Discovery__ContentPath"] = content,
        });

        await Eventually.WaitForAsync(() => site.StatusAsync(Entry), status => status == HttpStatusCode.OK || site.HasExited, "the entry served");
        Assert.False(site.HasExited, $"the site exited:\n{site.Printed}");
        Assert.Equal(HttpStatusCode.OK, await site.StatusAsync(Entry));
        var health = await Eventually.WaitForAsync(() => site.Client.ReadyAsync(), text => text.StartsWith("Degraded", StringComparison.Ordinal), "health saying Degraded");
        Assert.True(health.Contains("cannot be written", StringComparison.Ordinal), health);
        Assert.Contains("serves the content imported before", health, StringComparison.Ordinal);
        Assert.DoesNotContain(Edit, await site.Client.PageAsync(Series));

        blocked.Lift();
        // The edit an editor makes next, or the retry half a minute on, imports.
        File.AppendAllText(article, "\n");
        await Eventually.WaitForAsync(() => site.Client.ReadyAsync(), text => text.StartsWith("Healthy", StringComparison.Ordinal), "health saying Healthy");
        Assert.Contains(Edit, await site.Client.PageAsync(Series));
        Assert.Equal(0, await site.StopAsync());
        Assert.Contains("the site serves what it holds, read-only", site.Printed);
    }

    // A store an earlier run filled and stopped cleanly: checkpointed, no -wal or -shm beside it.
    private static async Task FillAsync(string content, string database, string store)
    {
        await using (var first = new DiscoveryFactory(content, databaseFolder: database))
        {
            first.CreateClient().Dispose();
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        File.Delete(store + "-wal");
        File.Delete(store + "-shm");
    }

    private static async Task<Unblock> BlockAsync(string block, string content, string database, string store)
    {
        if (block == Full)
        {
            Shell.Run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", database);
            await FillAsync(content, database, store);
            var filler = Path.Combine(database, "filler");
            FillTheDisk(filler);
            return new Unblock(() => File.Delete(filler), () => Shell.Run("umount", "--lazy", database));
        }

        await FillAsync(content, database, store);
        Shell.Run("mount", "--bind", database, database);
        Shell.Run("mount", "-o", "remount,bind,ro", database);
        return new Unblock(() => Shell.Run("mount", "-o", "remount,bind,rw", database), () => Shell.Run("umount", "--lazy", database));
    }

    private static void FillTheDisk(string filler)
    {
        var block = new byte[1 << 16];
        using var stream = File.Create(filler);
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    /// <summary>Lifts a block while the site runs; undoes what made it once the test ends.</summary>
    private sealed class Unblock(Action lift, Action cleanUp) : IDisposable
    {
        private bool _lifted;

        public void Lift()
        {
            lift();
            _lifted = true;
        }

        public void Dispose()
        {
            if (!_lifted)
            {
                Lift();
            }

            cleanUp();
        }
    }
}
