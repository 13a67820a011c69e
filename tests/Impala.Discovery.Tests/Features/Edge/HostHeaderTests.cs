using System.Net;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>The Host header is the visitor's to write: a forged one is refused or ignored, a broken one is a 400.</summary>
public sealed class HostHeaderTests(SiteFixture site)
{
    private static readonly string[] AddressPages = ["/labels/ninja-tune", "/feed.xml", "/sitemap.xml", "/robots.txt"];

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task HostNotInAllowedHosts_Answers400(string host)
    {
        var (status, body) = await GetAsync(site.Client, "/", host);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain(host, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnreadableHost_Answers400EvenWhenEveryHostIsAllowed()
    {
        // The in-memory server cannot carry these hosts (it decodes them itself), so they go over a real port.
        await using var factory = new DiscoveryFactory(onLoopbackPort: true, settings: new Dictionary<string, string> { ["AllowedHosts"] = "*" });
        var endpoint = RawHttp.EndpointOf(factory);

        foreach (var host in new[] { "xn--evil-.example", "xn--.example", "xn--evil-.example:80", "a.xn--zz-.example" })
        {
            foreach (var path in new[] { "/", "/labels/ninja-tune", "/feed.xml", "/Labels" })
            {
                var answer = await RawHttp.SendAsync(endpoint, "GET", path, host);

                Assert.True(answer.Status == 400, $"{host} {path}: {answer.Status}");
            }
        }
    }

    [Fact]
    public async Task ForgedHost_NeverAppearsInLinksFeedsOrSitemaps_WhenEveryHostIsAllowed()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["AllowedHosts"] = "*" });
        using var client = factory.CreateClient();

        foreach (var path in AddressPages)
        {
            var (status, body) = await GetAsync(client, path, "evil.example");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ConfiguredSiteUrl_IsTheOnlyHostInAbsoluteAddresses()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string>
        {
            ["AllowedHosts"] = "discovery.example.org;localhost",
            ["Discovery:SiteUrl"] = "https://discovery.example.org/",
        });
        using var client = factory.CreateClient();

        foreach (var path in AddressPages)
        {
            var (status, body) = await GetAsync(client, path, "localhost");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("https://discovery.example.org/", body, StringComparison.Ordinal);
            Assert.DoesNotContain("//localhost", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AllowedHost_IsUsedForAbsoluteAddressesWithoutASiteUrl()
    {
        var (status, body) = await GetAsync(site.Client, "/robots.txt", "127.0.0.1:8080");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sitemap: http://127.0.0.1:8080/sitemap.xml", body, StringComparison.Ordinal);
    }
}
