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
}
