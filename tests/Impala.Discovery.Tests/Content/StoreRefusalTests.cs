using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// An article the store refuses to take (a constraint the checks should have caught first, stood in for here by a
/// trigger on the real SQLite file) costs that article alone: it is reported as the store's refusal, its last good
/// version stays, and every other file, in this import and the ones after, goes in.
/// </summary>
public sealed class StoreRefusalTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string Venues = "2021-02-music-venues.md";

    [Fact]
    public async Task Import_StoreRefusesOneArticleOfAFreshStore_WritesTheOthersAndNamesTheRefusal()
    {
        using var harness = new ImportHarness();
        await RefuseEntryAsync(harness, "ecm");

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal($"articles/{Labels}", error.File);
        Assert.Contains("The store refused to take this article", error.Message);
        Assert.Contains("refused for this test", error.Message);
        Assert.Null(await harness.FindEntryAsync("labels", "ninja-tune"));
        Assert.NotNull(await harness.FindEntryAsync("venues", "a38"));
        Assert.Equal(OtherArticleCount(harness), report.Articles);
    }

    [Fact]
    public async Task Import_StoreRefusesAnEdit_KeepsTheLastGoodVersionAndLaterEditsOfOtherFilesGoIn()
    {
        using var harness = new ImportHarness();
        var before = await harness.ImportAsync();
        Assert.Empty(before.Errors);
        await RefuseEntryAsync(harness, "ecm");
        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");

        var refused = await harness.ImportAsync();
        harness.Edit(Venues, "- **City:** Budapest", "- **City:** Budapest (Óbuda)");
        var later = await harness.ImportAsync();

        Assert.Contains("The store refused to take this article", Assert.Single(refused.Errors).Message);
        Assert.Equal(before.Entries, refused.Entries);
        Assert.StartsWith("London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
        Assert.Equal($"articles/{Labels}", Assert.Single(later.Errors).File);
        Assert.StartsWith("Budapest (Óbuda)", (await harness.FindEntryAsync("venues", "a38"))!.Caption);
    }

    [Fact]
    public async Task Import_StoreTakesTheArticleAgain_TheRefusedEditGoesInWithoutAnError()
    {
        using var harness = new ImportHarness();
        await RefuseEntryAsync(harness, "ecm");
        await harness.ImportAsync();

        await using (var db = harness.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER RefuseForTest", TestContext.Current.CancellationToken);
        }

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ecm"));
    }

    // A constraint of the store's own (ABORT, as a UNIQUE or CHECK constraint fails) on one entry's row.
    private static async Task RefuseEntryAsync(ImportHarness harness, string slug)
    {
        await using var db = harness.CreateDbContext();
        var trigger = "CREATE TRIGGER RefuseForTest BEFORE INSERT ON Entries WHEN NEW.Slug = '" + slug + "' BEGIN SELECT RAISE(ABORT, 'refused for this test'); END;";
        await db.Database.ExecuteSqlRawAsync(trigger, TestContext.Current.CancellationToken);
    }

    private static int OtherArticleCount(ImportHarness harness) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(harness.ArticlePath(Labels))!, "*.md").Count(path => !path.EndsWith(Labels, StringComparison.Ordinal));
}
