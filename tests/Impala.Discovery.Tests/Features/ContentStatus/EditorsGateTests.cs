using System.Net;
using System.Text;

namespace Impala.Discovery.Tests.Features.ContentStatus;

/// <summary>
/// Every editors' endpoint behind the editors' policy, as a Production site answers it: the right token (as ?token= or
/// the X-Status-Token header) opens it; no token or a wrong one gets the site's ordinary 404 page, never a login
/// redirect, a 401 or a 403 that would tell a stranger the page is there.
/// </summary>
public sealed class EditorsGateTests(GatedSite site) : IClassFixture<GatedSite>
{
    private const string PreviewSource = "---\ntitle: Gate check\nkind: labels\npublished: 2026-12-01\nsummary: One sentence.\n---\n\nAn intro.\n";

    private static readonly (string Method, string Path)[] Endpoints =
        [("GET", "/content-status"), ("GET", "/preview/" + GatedSite.DraftSlug), ("POST", "/preview")];

    public static TheoryData<string, string> EveryEndpoint => new(Endpoints.Select(endpoint => (endpoint.Method, endpoint.Path)));

    public static TheoryData<string, string, string> EveryEndpointAndRefusedCredential => new(
        from endpoint in Endpoints
        from credential in new[] { "none", "query:wrong", "header:wrong", "query:", "header:", "query:" + GatedSite.Token.ToUpperInvariant(), "header:" + GatedSite.Token + "x" }
        select (endpoint.Method, endpoint.Path, credential));

    [Theory]
    [MemberData(nameof(EveryEndpointAndRefusedCredential))]
    public async Task EditorsEndpoint_WithoutTheRightToken_IsTheOrdinaryNotFoundPage(string method, string path, string credential)
    {
        using var request = Request(method, path, credential);
        using var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Empty(response.Headers.WwwAuthenticate);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var ordinary = await OrdinaryNotFoundAsync();
        Assert.Equal(ordinary.Title, page.Title);
        Assert.Equal(ordinary.QuerySelector("h1")?.TextContent, page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain(GatedSite.Token, page.Source.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task EditorsEndpoint_WithTheTokenAsQueryOrHeader_OpensPrivately(string method, string path)
    {
        foreach (var credential in new[] { "query:" + GatedSite.Token, "header:" + GatedSite.Token })
        {
            using var request = Request(method, path, credential);
            using var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path} with {credential}: {(int)response.StatusCode}");
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        }
    }

    [Fact]
    public async Task EditorsEndpoints_InDevelopment_OpenWithoutAToken()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["environment"] = "Development" });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        // The frozen fixture has no draft: a draft's preview is a 404 of its own, so only the two that need none.
        foreach (var (method, path) in new[] { ("GET", "/content-status"), ("POST", "/preview") })
        {
            using var request = Request(method, path, "none");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EditorsEndpoints_InProductionWithNoTokenConfigured_StayClosedToAnEmptyToken()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var (method, path) in new[] { ("GET", "/content-status"), ("POST", "/preview") })
        {
            foreach (var credential in new[] { "none", "query:", "header:" })
            {
                using var request = Request(method, path, credential);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} with {credential}: {(int)response.StatusCode}");
            }
        }
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> OrdinaryNotFoundAsync()
    {
        using var response = await site.Client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>"none", "query:VALUE" (sent as ?token=VALUE) or "header:VALUE" (sent as X-Status-Token).</summary>
    private static HttpRequestMessage Request(string method, string path, string credential)
    {
        var (where, token) = credential.Split(':', 2) is [var kind, var value] ? (kind, value) : (credential, "");
        var request = new HttpRequestMessage(new HttpMethod(method), where == "query" ? $"{path}?token={Uri.EscapeDataString(token)}" : path);
        if (where == "header")
        {
            request.Headers.TryAddWithoutValidation("X-Status-Token", token);
        }

        if (method == "POST")
        {
            request.Content = new StringContent(PreviewSource, Encoding.UTF8, "text/markdown");
            request.Headers.Add("X-Preview-File", "2026-12-gate-check.md");
        }

        return request;
    }
}
