using System.Net;

namespace Impala.Discovery.Tests.Features;

/// <summary>Editors see why a file was refused without a server log; strangers never see the page.</summary>
public sealed class ContentStatusTests
{
    private const string Token = "a-long-secret-for-the-editors";

    [Fact]
    public async Task StatusPage_InProductionWithoutAToken_IsNotFound()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/content-status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/content-status?token=wrong")]
    [InlineData("/content-status")]
    public async Task StatusPage_WithAWrongOrMissingToken_IsNotFound(string path)
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = Token });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StatusPage_WithTheToken_ListsEveryFileWithItsStateAndErrors()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-broken.md"), "no front matter\n");
        var labels = File.ReadAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"));
        File.WriteAllText(Path.Combine(content, "articles", "2030-06-later-labels.md"), labels
            .Replace("published: 2021-03-01", "published: 2030-06-01", StringComparison.Ordinal)
            .Replace("## ", "## Later ", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content, settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = Token });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/content-status");
        request.Headers.Add("X-Status-Token", Token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var rows = page.QuerySelectorAll("tbody tr").ToDictionary(row => row.QuerySelector("td code")!.TextContent, row => row.TextContent);
        Assert.Contains("Refused (not online)", rows["articles/2021-05-broken.md"]);
        Assert.Contains("articles/2021-05-broken.md:1:1", rows["articles/2021-05-broken.md"]);
        Assert.Contains("Scheduled for 2030-06-01", rows["articles/2030-06-later-labels.md"]);
        Assert.Contains("Published", rows["articles/2021-03-record-labels.md"]);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task StatusPage_InDevelopment_OpensWithoutAToken()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["environment"] = "Development" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/content-status", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EveryPage_InDevelopmentWhileAFileIsRefused_ShowsABannerLinkingToTheStatusPage()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-broken.md"), "no front matter\n");
        await using var factory = new DiscoveryFactory(content, settings: new Dictionary<string, string> { ["environment"] = "Development" });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/labels", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var banner = page.QuerySelector(".dev-banner");
        Assert.NotNull(banner);
        Assert.StartsWith("1 content file was refused", banner.TextContent);
        Assert.Equal("/content-status", banner.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task EveryPage_InProductionWhileAFileIsRefused_ShowsNoBanner()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-broken.md"), "no front matter\n");
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/labels", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Null(page.QuerySelector(".dev-banner"));
    }

    [Fact]
    public async Task Preview_OfADraftWithTheToken_RendersTheArticleUnderANotPublicBanner()
    {
        var (factory, client) = await StartWithUnpublishedArticlesAsync();
        await using var _ = factory;

        using var response = await client.GetAsync($"/preview/draft-labels?token={Token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Draft — not public", page.QuerySelector(".dev-banner")!.TextContent);
        Assert.Equal("Draft Labels", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".card-name, h2"), element => element.TextContent.Contains("Draft Ninja Tune", StringComparison.Ordinal));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Preview_ShowsTheDraftsPictures_AsTheyWillLook()
    {
        var (factory, client) = await StartWithUnpublishedArticlesAsync();
        await using var _ = factory;

        using var response = await client.GetAsync($"/preview/draft-labels?token={Token}", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var picture = page.QuerySelector("#draft-cobalt-music .page-picture img")!;
        Assert.Equal("A blue ring around an orange dot", picture.GetAttribute("alt"));
        using var rendition = await client.GetAsync(picture.GetAttribute("src"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
    }

    [Fact]
    public async Task StatusPage_LinksEachDraftToItsPreviewKeepingTheToken()
    {
        var (factory, client) = await StartWithUnpublishedArticlesAsync();
        await using var _ = factory;

        using var response = await client.GetAsync($"/content-status?token={Token}", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var links = page.QuerySelectorAll("tbody a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Contains($"/preview/draft-labels?token={Token}", links);
        Assert.Contains($"/preview/later-labels?token={Token}", links);
        Assert.Contains("/series/record-labels", links);
    }

    [Fact]
    public async Task Preview_OfAScheduledArticle_SaysItsDay()
    {
        var (factory, client) = await StartWithUnpublishedArticlesAsync();
        await using var _ = factory;

        using var response = await client.GetAsync($"/preview/later-labels?token={Token}", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Scheduled for 2030-06-01 — not public", page.QuerySelector(".dev-banner")!.TextContent);
    }

    [Theory]
    [InlineData("/preview/record-labels?token=" + Token)]
    [InlineData("/preview/no-such-article?token=" + Token)]
    [InlineData("/preview/draft-labels")]
    public async Task Preview_OfAPublishedOrUnknownArticleOrWithoutToken_IsNotFound(string path)
    {
        var (factory, client) = await StartWithUnpublishedArticlesAsync();
        await using var _ = factory;

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<(DiscoveryFactory, HttpClient)> StartWithUnpublishedArticlesAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var labels = await File.ReadAllTextAsync(Path.Combine(content, "articles", "2021-03-record-labels.md"), TestContext.Current.CancellationToken);
        var draft = System.Text.RegularExpressions.Regex.Replace(labels, "^title: .*$", "title: Draft Labels", System.Text.RegularExpressions.RegexOptions.Multiline);
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "2021-05-draft-labels.md"), draft
            .Replace("published: 2021-03-01", "published: 2021-05-01\ndraft: true", StringComparison.Ordinal)
            .Replace("## ", "## Draft ", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(content, "articles", "2030-06-later-labels.md"), labels
            .Replace("published: 2021-03-01", "published: 2030-06-01", StringComparison.Ordinal)
            .Replace("## ", "## Later ", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var factory = new DiscoveryFactory(content, settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = Token });
        return (factory, factory.CreateClient());
    }
}
