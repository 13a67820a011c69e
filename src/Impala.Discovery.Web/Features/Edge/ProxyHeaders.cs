using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>
/// Behind nginx the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto. They are believed
/// only from the proxies an operator names (loopback by default), or anyone could claim to be HTTPS or another
/// client. X-Forwarded-Host is never read: the site's host comes from AllowedHosts and Discovery:SiteUrl.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddForwardedHeadersFromKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var knownProxies = configuration.GetSection(EdgeOptions.Section).Get<EdgeOptions>()?.KnownProxies ?? "";
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var entries = knownProxies.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (entries.Length == 0)
            {
                return;
            }

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
