using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Content;

/// <summary>Each file is its own failure domain: nothing that goes wrong with one file costs the others.</summary>
public sealed class ImportIsolationTests
{
    private const string Labels = "2021-03-record-labels.md";

    [Fact]
    public async Task Import_ParserBugOnOneFileOfAFreshStore_RefusesOnlyThatFileAndSaysItIsOurBug()
    {
        var parser = new IsolatedArticleParser(NullLogger.Instance, (kinds, file) => file.Path.EndsWith(Labels, StringComparison.Ordinal)
            ? throw new InvalidOperationException("a bug of ours")
            : new ArticleParser(kinds).Parse(file.Path, file.Text));
        using var harness = new ImportHarness(parser: parser);
        var others = OtherArticleCount(harness);

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal(($"articles/{Labels}", 1, 1), (error.File, error.Line, error.Column));
        Assert.Contains("looks like a bug in the site, not in your file", error.Message);
        Assert.Contains("a bug of ours", error.Message);
        Assert.Equal(others, report.Articles);
        Assert.Null(await harness.FindEntryAsync("labels", "ninja-tune"));
        Assert.All(report.Warnings, warning => Assert.Contains($"it may lead into articles/{Labels}", warning.Message));
    }

    [Fact]
    public async Task Import_ParserBugAfterAGoodImport_KeepsTheLastGoodVersion()
    {
        var broken = false;
        var parser = new IsolatedArticleParser(NullLogger.Instance, (kinds, file) => broken && file.Path.EndsWith(Labels, StringComparison.Ordinal)
            ? throw new StackOverflowGuardException()
            : new ArticleParser(kinds).Parse(file.Path, file.Text));
        using var harness = new ImportHarness(parser: parser);
        var before = await harness.ImportAsync();
        broken = true;
        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");

        var report = await harness.ImportAsync();

        Assert.Single(report.Errors);
        Assert.Equal(before.Entries, report.Entries);
        Assert.StartsWith("London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }

    [Fact]
    public async Task Import_PipeLinkAndFolderNamedLikeArticlesOnAFreshStore_ServesEveryRealArticle()
    {
        using var harness = new ImportHarness();
        var real = OtherArticleCount(harness) + 1;
        var articles = Path.GetDirectoryName(harness.ArticlePath(Labels))!;
        Shell.Run("mkfifo", Path.Combine(articles, "2021-05-pipe.md"));
        File.CreateSymbolicLink(Path.Combine(articles, "2021-06-zero.md"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(articles, "2021-07-gone.md"), Path.Combine(articles, "missing.md"));
        Directory.CreateDirectory(Path.Combine(articles, "2021-08-folder.md"));

        var report = await harness.ImportAsync();

        Assert.Equal(real, report.Articles);
        Assert.Equal(
            ["articles/2021-05-pipe.md", "articles/2021-06-zero.md", "articles/2021-07-gone.md", "articles/2021-08-folder.md"],
            report.Errors.Select(error => error.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_UnchangedFiles_AreNotParsedAgain()
    {
        var parsed = new List<string>();
        var parser = new IsolatedArticleParser(NullLogger.Instance, (kinds, file) =>
        {
            lock (parsed)
            {
                parsed.Add(file.Path);
            }

            return new ArticleParser(kinds).Parse(file.Path, file.Text);
        });
        using var harness = new ImportHarness(parser: parser);
        await harness.ImportAsync();
        parsed.Clear();

        await harness.ImportAsync();
        var afterNoChange = parsed.Count;
        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");
        await harness.ImportAsync();

        Assert.Equal(0, afterNoChange);
        Assert.Equal([$"articles/{Labels}"], parsed);
    }

    [Fact]
    public async Task Import_BrokenKindsAfterARestart_ChecksArticlesAgainstTheKindsTheStoreRemembers()
    {
        using var harness = new ImportHarness();
        var before = await harness.ImportAsync();
        File.WriteAllText(Path.Combine(harness.ContentPath, ContentFolder.KindsFileName), "kinds: [\n");
        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");
        using var restarted = new ContentImporter(new ContentFolder(harness.ContentPath), harness, harness.Clock, NullLogger<ContentImporter>.Instance);

        var report = await restarted.ImportAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ContentFolder.KindsFileName, Assert.Single(report.Errors).File);
        Assert.Equal(before.Entries, report.Entries);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }

    [Fact]
    public async Task Import_BrokenKindsOnAFreshStore_ReportsItAndRemovesNothing()
    {
        using var harness = new ImportHarness();
        File.WriteAllText(Path.Combine(harness.ContentPath, ContentFolder.KindsFileName), "kinds: [\n");

        var report = await harness.ImportAsync();

        Assert.Equal(ContentFolder.KindsFileName, Assert.Single(report.Errors).File);
        Assert.Equal(0, report.Articles);
    }

    // Found by the long fuzz run (seed 424242, mutant 26275): a scheduled article is checked by the reader like any other.
    [Fact]
    public async Task Import_ScheduledArticleWithAControlCharacter_IsRefusedAtItsPlaceAndKeepsTheLastGoodVersion()
    {
        using var harness = new ImportHarness();
        var before = await harness.ImportAsync();
        var text = File.ReadAllText(harness.ArticlePath(Labels));
        var scheduled = System.Text.RegularExpressions.Regex.Replace(text, "published: .*", "published: 2999-01-01");
        File.WriteAllText(harness.ArticlePath(Labels), scheduled.Replace("London", "Lon\bdon", StringComparison.Ordinal));

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal($"articles/{Labels}", error.File);
        Assert.Contains("U+0008", error.Message);
        Assert.True(error.Line > 1);
        Assert.Equal(before.Entries, report.Entries);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
    }

    private static int OtherArticleCount(ImportHarness harness) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(harness.ArticlePath(Labels))!, "*.md").Count(path => !path.EndsWith(Labels, StringComparison.Ordinal));


    /// <summary>Stands in for any exception a library might throw that we never planned for.</summary>
    private sealed class StackOverflowGuardException : Exception;
}
