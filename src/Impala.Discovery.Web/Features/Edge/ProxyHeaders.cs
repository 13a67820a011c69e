using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>
/// Behind nginx the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto. They are believed
/// only from the proxies an operator names (none by default, not even loopback: any local process could otherwise
/// claim to be another client), or anyone could claim to be HTTPS or another client. X-Forwarded-Host is never read:
/// the site's host comes from AllowedHosts and Discovery:SiteUrl.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddForwardedHeadersFromKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var knownProxies = configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>()?.KnownProxies ?? "";
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            var entries = knownProxies.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // With no proxy listed the middleware would believe every sender, so then it reads nothing at all.
            options.ForwardedHeaders = entries.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
    }
}
