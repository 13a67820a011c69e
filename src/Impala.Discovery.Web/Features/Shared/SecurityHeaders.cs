using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Admin;
using Impala.Discovery.Web.Features.Api;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>Headers on every response that stop other sites framing us and browsers running anything we did not ship.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The embeddable cards under /embed are made to be framed by members' sites: any web page may frame them. They
    // hold no form and run no script, so there is nothing for a framing page to trick a visitor into doing.
    private const string EmbedContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; object-src 'none'; "
        + "base-uri 'self'; form-action 'none'; frame-ancestors *";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            var frameable = IsFrameable(context.Request.Path);
            headers.ContentSecurityPolicy = AdminPolicy.Applies(context.Request.Path) ? AdminPolicy.ContentSecurityPolicy(context) : frameable ? EmbedContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            if (!frameable)
            {
                // X-Frame-Options has no "anyone" value: a frameable page simply goes without it.
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = AdminPolicy.Applies(context.Request.Path) ? AdminPolicy.OpenerPolicy : "same-origin";

            // What other sites may use: the JSON API (read by their scripts, with CORS) and the embeddable cards (framed,
            // also by pages that isolate themselves with Cross-Origin-Embedder-Policy). Everything else stays ours.
            headers["Cross-Origin-Resource-Policy"] = frameable || ApiRegistration.IsOpenToOtherSites(context.Request.Path) ? "cross-origin" : "same-origin";

            await next(context);
        });

    /// <summary>Only the pages under /embed/ (not /embed itself, not /embedded, not the oEmbed answer).</summary>
    public static bool IsFrameable(PathString path) =>
        SitePath.AreaOf(path) == PathArea.Embed;
}
