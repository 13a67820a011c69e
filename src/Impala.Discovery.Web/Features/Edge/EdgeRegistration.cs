using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>Wires what stands between the network and the pages: proxies, hosts, headers, the page cache and the rate limits.</summary>
public static class EdgeRegistration
{
    public static WebApplicationBuilder AddSiteEdge(this WebApplicationBuilder builder)
    {
        // "Server: Kestrel" tells an attacker which bugs to try; nothing else needs it.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddForwardedHeadersFromKnownProxies(builder.Configuration);
        // A year, the figure browsers' preload lists ask for; subdomains are the operator's to decide, so not included.
        // Sent over HTTPS only (behind a proxy, as a known proxy reports it), never for localhost.
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddClientRateLimits(builder.Configuration);
        builder.Services.AddPageCache(builder.Configuration);
        // One spelling per number in an address: "?page=0x10" is not page 16 (see DecimalIntegerBinder).
        // One value per key an action reads: "?page=2&page=1" is a 400 naming the key (see RepeatedQueryKeys).
        builder.Services.Configure<MvcOptions>(mvc =>
        {
            mvc.ModelBinderProviders.Insert(0, new DecimalIntegerBinder());
            mvc.Filters.Add(new RepeatedQueryKeys());
        });
        return builder;
    }

    /// <summary>The front of the pipeline: who is really asking and over what (proxies), for which host, and the headers every answer carries.</summary>
    public static IApplicationBuilder UseSiteEdge(this IApplicationBuilder app) =>
        app.UseForwardedHeaders()
            .UseValidHosts()
            .UseHsts()
            .UseSecurityHeaders();
}
