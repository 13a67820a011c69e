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

    /// <summary>
    /// After a write the importer works out what the store holds rather than reading it back: the two must agree, for
    /// every article of the fixture (with its pictures and many-country entries) and entry and article aliases.
    /// </summary>
    [Fact]
    public async Task WhatAWriteLeaves_IsWhatTheStoreGivesBack()
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "published: 2021-03-01\n", "published: 2021-03-01\naliases: [labels-of-note]\n");
        harness.Edit(Labels, "- **City:** London\n", "- **City:** London\n- **Aliases:** ninja, ninja-tune-records\n");
        Assert.Empty((await harness.ImportAsync()).Errors);
        var evaluator = new ContentEvaluator(new ContentFolder(harness.ContentPath), new IsolatedArticleParser(NullLogger.Instance));
        var evaluation = await evaluator.EvaluateAsync(PreviousContent.None, DateOnly.FromDateTime(harness.Clock.GetUtcNow().UtcDateTime), TestContext.Current.CancellationToken);
        await using var db = harness.CreateDbContext();
        var read = await ContentStore.ReadArticlesAsync(db, TestContext.Current.CancellationToken);

        var worked = evaluation.Plan!.Write.Select(file => StoredArticle.Written(file, evaluation.Plan.Kinds)).ToList();

        Assert.NotEmpty(worked);
        Assert.Equal(read.Values.Select(Described).Order(StringComparer.Ordinal), worked.Select(Described).Order(StringComparer.Ordinal));
    }

    private static string Described(StoredArticle article) =>
        $"{article.File} {article.Slug} {article.Hash} [{string.Join(",", article.Aliases)}] [{string.Join(",", article.CountrySlugs.Order(StringComparer.Ordinal))}] "
        + $"[{string.Join(",", article.LinkPaths)}] "
        + string.Join(";", article.Entries.Select(entry => $"{entry.Kind}/{entry.Slug}#{entry.Rank}({string.Join(",", entry.Aliases.Order(StringComparer.Ordinal))})")
            .Order(StringComparer.Ordinal));

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
