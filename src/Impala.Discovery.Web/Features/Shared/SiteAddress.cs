using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>Absolute addresses for canonical links, feeds and sitemaps: the configured site URL, or the request's own.</summary>
public static class SiteAddress
{
    public static string Absolute(HttpContext context, string path)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<DiscoveryOptions>>().Value.SiteUrl;
        var root = string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
        return root + path;
    }
}
