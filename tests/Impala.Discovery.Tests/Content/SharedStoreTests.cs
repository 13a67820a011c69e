using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// An importer keeps what the store held after its last import, to spare an edit's import the reading of every entry.
/// Two instances may share one store: what the other one wrote in between is read, never what this one remembers.
/// </summary>
public sealed class SharedStoreTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string Venues = "2021-02-music-venues.md";

    [Fact]
    public async Task Import_AfterAnotherInstanceChangedTheStore_WorksFromWhatTheStoreHoldsNow()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var otherContent = TempFolder.CopyOf(harness.ContentPath);
        var otherLabels = Path.Combine(otherContent, ContentFolder.ArticlesFolderName, Labels);
        File.WriteAllText(otherLabels, File.ReadAllText(otherLabels).Replace("- **City:** London", "- **City:** Greater London", StringComparison.Ordinal));
        using (var other = new ContentImporter(new ContentFolder(otherContent), harness, harness.Clock, NullLogger<ContentImporter>.Instance))
        {
            Assert.Equal(1, (await other.ImportAsync(TestContext.Current.CancellationToken)).ArticlesWritten);
        }

        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
        harness.Edit(Venues, "- **City:** Budapest", "- **City:** Budapest (Óbuda)");
        var report = await harness.ImportAsync();

        // Its own labels file differs from what the store now holds: written again, with the venues.
        Assert.Equal(2, report.ArticlesWritten);
        Assert.StartsWith("London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
        Assert.StartsWith("Budapest (Óbuda)", (await harness.FindEntryAsync("venues", "a38"))!.Caption);
    }

    [Fact]
    public async Task Import_EditsOneAfterAnother_EachSeesTheLastOnesWrite()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();

        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");
        var first = await harness.ImportAsync();
        harness.Edit(Labels, "- **City:** Greater London", "- **City:** London");
        var second = await harness.ImportAsync();
        var third = await harness.ImportAsync();

        Assert.Equal((1, 1, 0), (first.ArticlesWritten, second.ArticlesWritten, third.ArticlesWritten));
        Assert.StartsWith("London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }
}
