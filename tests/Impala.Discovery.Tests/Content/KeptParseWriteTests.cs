using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Found by sweep 4: an article written from a parse kept without its text lost its intro and every entry's prose in
/// the store, on the live site and after restarts, until its file changed again. Whatever is written has its text.
/// </summary>
public sealed class KeptParseWriteTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string More = "2021-04-more-labels.md";

    private const string Head = "---\ntitle: More labels\nkind: labels\npublished: 2021-04-01\nsummary: More.\n---\n\nThe intro of more labels.\n\n"
        + "## Label One\n\n- **Country:** Sweden\n- **Founded:** 1990\n\nProse of label one.\n\n";

    private int _saves;

    [Fact]
    public async Task EntryMovedBackAddedFirst_TheArticleItLeavesKeepsItsProse()
    {
        using var harness = new ImportHarness();
        var original = File.ReadAllText(harness.ArticlePath(Labels));
        var start = original.IndexOf("## MTJ\n", StringComparison.Ordinal);
        var end = original.IndexOf("## Ninja Tune\n", StringComparison.Ordinal);
        var entry = original[start..end];
        var withoutEntry = original.Remove(start, end - start);
        Save(harness, More, Head);
        await harness.ImportAsync();

        // Moved out, the removal saved first.
        Save(harness, Labels, withoutEntry);
        await harness.ImportAsync();
        Save(harness, More, Head + entry);
        await harness.ImportAsync();

        // Moved back, the addition saved first: both files are refused for a moment, then the removal lands.
        Save(harness, Labels, original);
        await harness.ImportAsync();
        Save(harness, More, Head);
        var last = await harness.ImportAsync();

        Assert.Empty(last.Errors);
        await using var db = harness.CreateDbContext();
        var more = await db.Articles.Include(article => article.Entries).SingleAsync(article => article.Slug == "more-labels", TestContext.Current.CancellationToken);
        Assert.Contains("The intro of more labels.", more.IntroHtml);
        Assert.Contains("Prose of label one.", Assert.Single(more.Entries).BodyHtml);
        var mtj = await db.Entries.SingleAsync(stored => stored.Slug == "mtj", TestContext.Current.CancellationToken);
        Assert.NotEqual("", mtj.BodyHtml);
    }

    // A save that ended a while ago (each at its own time): a file that changed this very moment and only loses
    // entries keeps its last version for two seconds (UploadInPiecesTests), which is not what this test is about.
    private void Save(ImportHarness harness, string file, string text)
    {
        harness.WriteArticle(file, text);
        File.SetLastWriteTimeUtc(harness.ArticlePath(file), DateTime.UtcNow.AddMinutes(-10 + _saves++));
    }
}
