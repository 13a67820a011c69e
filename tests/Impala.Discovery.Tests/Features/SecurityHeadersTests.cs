namespace Impala.Discovery.Tests.Features;

public sealed class SecurityHeadersTests(SiteFixture site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/feed.xml")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task RealServer_DoesNotNameItself()
    {
        // The in-memory test server never sends Server, so this asks Kestrel itself.
        await using var factory = new DiscoveryFactory(onLoopbackPort: true);

        var answer = await RawHttp.SendAsync(RawHttp.EndpointOf(factory), "GET", "/about");

        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Header("Server"));
    }

    [Fact]
    public async Task PlainHttp_CarriesNoHsts()
    {
        using var response = await site.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_CarryNoInlineScriptOrStyle()
    {
        foreach (var path in new[] { "/", "/countries", "/series/record-labels", "/labels/ninja-tune" })
        {
            var page = await site.GetPageAsync(path);

            // JSON-LD is data, not script: browsers never run it, and the CSP does not apply to it. Scripts are files of the site.
            Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json']):not([src])"));
            Assert.All(page.QuerySelectorAll("script[src]"), script => Assert.StartsWith("/js/", script.GetAttribute("src"), StringComparison.Ordinal));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
        }
    }
}
