using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>Wires what stands between the network and the pages: proxies, hosts, headers, the page cache and the rate limits.</summary>
public static class EdgeRegistration
{
    public static WebApplicationBuilder AddSiteEdge(this WebApplicationBuilder builder)
    {
        // "Server: Kestrel" tells an attacker which bugs to try; nothing else needs it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddForwardedHeadersFromKnownProxies(builder.Configuration);
        builder.Services.AddClientRateLimits(builder.Configuration);
        builder.Services.AddPageCache(builder.Configuration);
        return builder;
    }

    /// <summary>The front of the pipeline: who is really asking and over what (proxies), for which host, and the headers every answer carries.</summary>
    public static IApplicationBuilder UseSiteEdge(this IApplicationBuilder app) =>
        app.UseForwardedHeaders()
            .UseValidHosts()
            .UseSecurityHeaders();
}
