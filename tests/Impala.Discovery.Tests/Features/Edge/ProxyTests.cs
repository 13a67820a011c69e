using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>HTTPS and client addresses as a proxy reports them: believed from known proxies only.</summary>
public sealed class ProxyTests
{
    private static async Task<HttpContext> GetAsync(WebApplicationFactory<Program> factory, string scheme, IPAddress from, string? forwardedProto = null) =>
        await factory.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Scheme = scheme;
            context.Request.Host = new HostString("localhost");
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
    public async Task HttpsRequest_CarriesHsts()
    {
        await using var factory = new DiscoveryFactory();

        var context = await GetAsync(factory, "https", IPAddress.Parse("198.51.100.1"));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("max-age=", Hsts(context));
    }

    [Fact]
    public async Task HttpsReportedByTheLocalProxy_CarriesHsts()
    {
        await using var factory = new DiscoveryFactory();

        var context = await GetAsync(factory, "http", IPAddress.Loopback, forwardedProto: "https");

        Assert.StartsWith("max-age=", Hsts(context));
    }

    [Fact]
    public async Task HttpsClaimedByAnUnknownClient_IsNotBelieved()
    {
        await using var factory = new DiscoveryFactory();

        var context = await GetAsync(factory, "http", IPAddress.Parse("198.51.100.1"), forwardedProto: "https");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Null(Hsts(context));
    }

    [Fact]
    public async Task ConfiguredProxy_IsBelievedAndLoopbackNoLonger()
    {
        await using var configured = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:KnownProxies"] = "10.0.0.0/24; 192.0.2.9" });

        Assert.StartsWith("max-age=", Hsts(await GetAsync(configured, "http", IPAddress.Parse("10.0.0.17"), forwardedProto: "https")));
        Assert.StartsWith("max-age=", Hsts(await GetAsync(configured, "http", IPAddress.Parse("192.0.2.9"), forwardedProto: "https")));
        Assert.Null(Hsts(await GetAsync(configured, "http", IPAddress.Loopback, forwardedProto: "https")));
    }
}
