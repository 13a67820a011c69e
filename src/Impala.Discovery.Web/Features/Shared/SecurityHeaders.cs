using Impala.Discovery.Web.Features.Api;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>Headers on every response that stop other sites framing us and browsers running anything we did not ship.</summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // A year, the figure browsers' preload lists ask for; subdomains are the operator's to decide, so not included.
    private const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // The JSON API is for other sites' scripts to read (with CORS); everything else stays ours.
            headers["Cross-Origin-Resource-Policy"] = ApiRegistration.IsOpenToOtherSites(context.Request.Path) ? "cross-origin" : "same-origin";

            // Over HTTPS only (browsers ignore it over HTTP); behind a proxy, IsHttps comes from X-Forwarded-Proto
            // of a known proxy (see ProxyHeaders).
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            await next(context);
        });
}
