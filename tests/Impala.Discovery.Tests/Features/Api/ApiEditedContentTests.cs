using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>
/// The API over a copy of the fixture an editor has changed: Ninja Tune renamed (its old slug an alias), the labels
/// article renamed, a draft and a scheduled article waiting. Renames redirect as pages do; unpublished work never shows.
/// </summary>
public sealed class ApiEditedContentTests : IAsyncLifetime
{
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var labelsFile = Path.Combine(content, "articles", "2021-03-record-labels.md");
        var labels = await File.ReadAllTextAsync(labelsFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(labelsFile, labels
            .Replace("kind: labels", "kind: labels\naliases: old-labels", StringComparison.Ordinal)
            .Replace("## Ninja Tune\n\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var draft = Regex.Replace(labels, "^title: .*$", "title: Draft Labels", RegexOptions.Multiline)
            .Replace("published: 2021-03-01", "published: 2021-05-01\ndraft: true", StringComparison.Ordinal)
            .Replace("## ", "## Draft ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "2021-05-draft-labels.md"), draft, TestContext.Current.CancellationToken);
        var scheduled = labels.Replace("published: 2021-03-01", "published: 2030-06-01", StringComparison.Ordinal).Replace("## ", "## Later ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "2030-06-later-labels.md"), scheduled, TestContext.Current.CancellationToken);
        _factory = new DiscoveryFactory(content);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FormerEntrySlug_RedirectsPermanentlyToTheEntrysApiAddress()
    {
        using var response = await _client.GetAsync(SitePaths.ApiEntry("labels", "ninja-tune"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(SitePaths.ApiEntry("labels", "ninja-tune-records"), response.Headers.Location?.OriginalString);
        var renamed = await ApiResponse.OkAsync(_client, SitePaths.ApiEntry("labels", "ninja-tune-records"));
        Assert.Equal(["ninja-tune"], renamed.GetProperty("aliases").EnumerateArray().Select(alias => alias.GetString()));
    }

    [Fact]
    public async Task FormerArticleSlug_RedirectsPermanentlyToTheArticlesApiAddress()
    {
        using var response = await _client.GetAsync(SitePaths.ApiArticle("old-labels"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(SitePaths.ApiArticle("record-labels"), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task DraftsAndScheduledArticles_AppearNowhere()
    {
        var articles = (await ApiResponse.OkAsync(_client, SitePaths.ApiArticles)).GetProperty("articles").EnumerateArray()
            .Select(article => article.GetProperty("slug").GetString()).ToList();
        Assert.Equal(4, articles.Count);
        Assert.DoesNotContain("draft-labels", articles);
        Assert.DoesNotContain("later-labels", articles);

        await ApiResponse.ProblemAsync(_client, SitePaths.ApiArticle("draft-labels"), HttpStatusCode.NotFound);
        await ApiResponse.ProblemAsync(_client, SitePaths.ApiArticle("later-labels"), HttpStatusCode.NotFound);
        await ApiResponse.ProblemAsync(_client, SitePaths.ApiEntry("labels", "draft-ninja-tune"), HttpStatusCode.NotFound);
        await ApiResponse.ProblemAsync(_client, SitePaths.ApiEntry("labels", "later-ninja-tune"), HttpStatusCode.NotFound);
        Assert.Equal(20, (await ApiResponse.OkAsync(_client, SitePaths.ApiKind("labels"))).GetProperty("total").GetInt32());
        var kinds = (await ApiResponse.OkAsync(_client, SitePaths.ApiKinds)).GetProperty("kinds");
        Assert.Equal(20, kinds[0].GetProperty("entryCount").GetInt32());
        var found = (await ApiResponse.OkAsync(_client, SitePaths.ApiSearch("draft"))).GetProperty("results");
        Assert.Equal(JsonValueKind.Array, found.ValueKind);
        Assert.Empty(found.EnumerateArray());
        Assert.DoesNotContain("Later", (await ApiResponse.OkAsync(_client, SitePaths.ApiCountry("denmark"))).ToString(), StringComparison.Ordinal);
    }
}
