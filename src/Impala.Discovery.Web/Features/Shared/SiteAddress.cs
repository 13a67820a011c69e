using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Edge;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Absolute addresses for canonical links, feeds and sitemaps: the configured site URL; without one, the request's
/// host only when AllowedHosts names it, so a forged Host header never reaches a page, a feed or a cache.
/// </summary>
public static class SiteAddress
{
    public static string Absolute(HttpContext context, string path)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<DiscoveryOptions>>().Value.SiteUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + path;
        }

        var request = context.Request;
        var host = ValidHosts.IsNamedInAllowedHosts(context, request.Host.Host)
            ? request.Host.ToUriComponent()
            : ValidHosts.FirstNamedHost(context) ?? "localhost";
        return $"{request.Scheme}://{host}{request.PathBase.ToUriComponent()}{path}";
    }
}
