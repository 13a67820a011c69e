using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The rehearsal after a start that found nothing to write runs the whole write path once and rolls it back: the store,
/// its content version and what the site was told stay exactly as they were.
/// </summary>
public sealed class RehearsalTests
{
    [Fact]
    public async Task Rehearse_AfterAnImport_ChangesNothingInTheStoreAndTellsNoOne()
    {
        using var harness = new ImportHarness();
        var report = await harness.ImportAsync();
        var before = await SnapshotAsync(harness);
        var told = 0;
        harness.Importer.Imported += (_, _) =>
        {
            told++;
            return Task.CompletedTask;
        };

        await harness.Importer.RehearseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before, await SnapshotAsync(harness));
        Assert.Equal(0, told);
        Assert.Same(report, harness.Importer.LastReport);
    }

    [Fact]
    public async Task Rehearse_ThenAnEdit_TheEditIsImportedAsUsual()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        await harness.Importer.RehearseAsync(TestContext.Current.CancellationToken);
        harness.Edit("2021-03-record-labels.md", "- **City:** London", "- **City:** Greater London");

        var report = await harness.ImportAsync();

        Assert.Equal(1, report.ArticlesWritten);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }

    private static async Task<string> SnapshotAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        var cancellationToken = TestContext.Current.CancellationToken;
        var info = await db.StoreInfo.AsNoTracking().SingleAsync(cancellationToken);
        var entries = await db.Entries.AsNoTracking().OrderBy(entry => entry.Id).Select(entry => entry.Id + " " + entry.KindKey + "/" + entry.Slug + " " + entry.Caption)
            .ToListAsync(cancellationToken);
        var search = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchDocs").SingleAsync(cancellationToken);
        return $"{info.ContentVersion} {info.LastImport:O} {search}\n{string.Join("\n", entries)}";
    }
}
