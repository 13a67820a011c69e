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
}
