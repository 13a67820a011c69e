using System.Net;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>Other sites' scripts may read the API and its OpenAPI document, and nothing else of the site.</summary>
public sealed class ApiCorsTests(SiteFixture site)
{
    private const string OtherSite = "https://member-label.example";

    private async Task<HttpResponseMessage> FromOtherSiteAsync(string path, HttpMethod? method = null, string? preflightFor = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add("Origin", OtherSite);
        if (preflightFor is not null)
        {
            request.Headers.Add("Access-Control-Request-Method", preflightFor);
            request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        }

        return await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/openapi/v1.json")]
    public async Task AnAnswerToARequestWithoutOrigin_IsOpenToOtherSitesToo(string path)
    {
        // A shared cache (the deploy's nginx, a CDN) keeps one copy for everyone: the copy a request without Origin
        // brought must open itself to a browser's cross-origin read as well, or that read fails.
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/v1/kinds")]
    [InlineData("/api/v1/labels/ninja-tune")]
    [InlineData("/api/v1/labels?country=denmark")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/openapi/v1.json")]
    public async Task ApiAnswers_AreOpenToEveryOriginWithoutCredentials(string path)
    {
        // Asked twice: the second answer may come from the page cache and must carry the header as well.
        foreach (var _ in new[] { 1, 2 })
        {
            using var response = await FromOtherSiteAsync(path);

            Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
            Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
            Assert.Equal("cross-origin", Header(response, "Cross-Origin-Resource-Policy"));
        }
    }

    [Fact]
    public async Task CachedApiAnswer_FirstAskedWithoutOrigin_StillCarriesTheHeaderForAnOrigin()
    {
        using var plain = await site.Client.GetAsync("/api/v1/venues?decade=1980s", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);

        using var fromOtherSite = await FromOtherSiteAsync("/api/v1/venues?decade=1980s");

        Assert.Equal("*", Header(fromOtherSite, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_AllowsGetWithConditionalHeaders()
    {
        using var response = await FromOtherSiteAsync(SitePaths.ApiEntry("labels", "ninja-tune"), HttpMethod.Options, "GET");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("if-none-match", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_RefusesWritingMethods()
    {
        using var response = await FromOtherSiteAsync(SitePaths.ApiKinds, HttpMethod.Options, "DELETE");

        // The browser refuses the request itself: DELETE is not among the methods the answer allows.
        Assert.DoesNotContain("DELETE", Header(response, "Access-Control-Allow-Methods") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/labels")]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/search?q=ninja")]
    [InlineData("/apis")]
    [InlineData("/openapi/v2.json")]
    public async Task Pages_AreNotOpenToOtherOrigins(string path)
    {
        using var response = await FromOtherSiteAsync(path);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
    }
}
