using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The site reads articles/ only, not folders inside it. An editor who sorts articles into a folder per year must hear
/// why they are not shown (found by the issue-21 sweep: they were ignored without a word).
/// </summary>
public sealed class ArticlesInSubfoldersTests
{
    [Fact]
    public async Task AnArticleInAFolderInsideArticles_IsNotShown_AndTheEditorIsToldWhereToMoveIt()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var folder = Directory.CreateDirectory(Path.Combine(content, ContentFolder.ArticlesFolderName, "2022")).FullName;
        File.WriteAllText(Path.Combine(folder, "2022-01-new.md"), ArticleText.With("""
            ## Brand New Label

            - **Country:** Ireland
            - **Founded:** 2020
            """));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var report = await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);

        var warning = Assert.Single(report.Warnings);
        Assert.Equal("articles/2022/2022-01-new.md", warning.File);
        Assert.Contains("a folder inside articles/, which the site does not read", warning.Message);
        Assert.Contains("Move it into articles/ itself", warning.Message);
        Assert.Empty(report.Errors);
        using var page = await client.GetAsync("/labels/brand-new-label", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    /// <summary>
    /// Links to folders inside articles/ are not followed: two links to "." (or one to "/") made the walk for such
    /// articles grow without end, and every import, and check, hung with memory growing while health said Healthy
    /// (found by sweep 5). A real folder beside them is still looked in.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task LinksToFoldersInsideArticles_AreNotFollowed_SoTheImportEnds()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var articles = Path.Combine(harness.ContentPath, ContentFolder.ArticlesFolderName);
        Directory.CreateSymbolicLink(Path.Combine(articles, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(articles, "again"), ".");
        Directory.CreateSymbolicLink(Path.Combine(articles, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(articles, "root"), "/");
        var year = Directory.CreateDirectory(Path.Combine(articles, "2022", "january")).FullName;
        File.WriteAllText(Path.Combine(year, "2022-01-new.md"), ArticleText.With("""
            ## Brand New Label

            - **Country:** Ireland
            - **Founded:** 2020
            """));
        harness.Edit("2021-03-record-labels.md", "- **City:** London", "- **City:** Greater London");

        // Cancelled when the test times out: without the fix, this import never ended.
        var report = await harness.Importer.ImportAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, report.ArticlesWritten);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
        Assert.Equal("articles/2022/january/2022-01-new.md", Assert.Single(report.Warnings).File);
    }
}
