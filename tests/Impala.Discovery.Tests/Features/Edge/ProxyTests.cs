using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>HTTPS and client addresses as a proxy reports them: believed from the proxies configured, and no other.</summary>
public sealed class ProxyTests
{
    private const string Host = "discovery.example.org";

    // HSTS is never sent for localhost (a developer's browser would keep it for every project), so a real name.
    private static DiscoveryFactory Site(string? knownProxies = null) => new(settings: new Dictionary<string, string>
    {
        ["AllowedHosts"] = Host,
        ["Discovery:KnownProxies"] = knownProxies ?? "",
    });

    private static async Task<HttpContext> GetAsync(WebApplicationFactory<Program> factory, string scheme, IPAddress from, string? forwardedProto = null, string host = Host) =>
        await factory.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Scheme = scheme;
            context.Request.Host = new HostString(host);
            context.Request.Path = "/about";
            context.Connection.RemoteIpAddress = from;
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
                context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            }
        }, TestContext.Current.CancellationToken);

    private static string? Hsts(HttpContext context) =>
        context.Response.Headers.StrictTransportSecurity.FirstOrDefault();

    [Fact]
    public async Task HttpsRequest_CarriesHstsForAYear()
    {
        await using var factory = Site();

        var context = await GetAsync(factory, "https", IPAddress.Parse("198.51.100.1"));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("max-age=31536000", Hsts(context));
    }

    [Fact]
    public async Task HttpsRequestForLocalhost_CarriesNoHsts()
    {
        await using var factory = new DiscoveryFactory();

        var context = await GetAsync(factory, "https", IPAddress.Loopback, host: "localhost");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(Hsts(context));
    }

    [Fact]
    public async Task HttpsReportedByTheLocalProxyNamedInTheSettings_CarriesHsts()
    {
        await using var factory = Site("127.0.0.1;::1");

        var context = await GetAsync(factory, "http", IPAddress.Loopback, forwardedProto: "https");

        Assert.StartsWith("max-age=", Hsts(context));
        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Loopback_IsNotBelievedUnlessNamed()
    {
        await using var factory = Site();

        var context = await GetAsync(factory, "http", IPAddress.Loopback, forwardedProto: "https");

        // Any process on the machine could otherwise pick its rate-limit bucket with a made-up X-Forwarded-For.
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(Hsts(context));
        Assert.Equal(IPAddress.Loopback, context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task HttpsClaimedByAnUnknownClient_IsNotBelieved()
    {
        await using var factory = Site("127.0.0.1");

        var context = await GetAsync(factory, "http", IPAddress.Parse("198.51.100.1"), forwardedProto: "https");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(Hsts(context));
    }

    [Fact]
    public async Task ConfiguredProxy_IsBelievedAndLoopbackNoLonger()
    {
        await using var configured = Site("10.0.0.0/24; 192.0.2.9");

        Assert.StartsWith("max-age=", Hsts(await GetAsync(configured, "http", IPAddress.Parse("10.0.0.17"), forwardedProto: "https")));
        Assert.StartsWith("max-age=", Hsts(await GetAsync(configured, "http", IPAddress.Parse("192.0.2.9"), forwardedProto: "https")));
        Assert.Null(Hsts(await GetAsync(configured, "http", IPAddress.Loopback, forwardedProto: "https")));
    }
}
