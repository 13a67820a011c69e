using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>
/// The Host header is the visitor's to write. AllowedHosts (checked by ASP.NET Core before anything else) says which
/// names the site answers to; this turns a name that cannot be read at all (xn--evil-.example) into a 400 before
/// the page cache or a link builder trips over it, and tells whether a host may appear in an absolute address.
/// </summary>
public static class ValidHosts
{
    public static IApplicationBuilder UseValidHosts(this IApplicationBuilder app)
    {
        // Almost every request names the same host as the one before: remember the last readable one.
        var lastReadable = "";
        return app.Use(async (context, next) =>
        {
            var host = context.Request.Headers.Host.ToString();
            if (!string.Equals(host, Volatile.Read(ref lastReadable), StringComparison.Ordinal))
            {
                if (!IsReadable(host))
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }

                Volatile.Write(ref lastReadable, host);
            }

            await next(context);
        });
    }

    /// <summary>
    /// False when the Host header cannot be read as a host name: even <c>HttpRequest.Host</c> throws on it, because
    /// it decodes punycode, so this looks at the raw header and must run before anything reads the host.
    /// </summary>
    public static bool IsReadable(string hostHeader)
    {
        if (hostHeader.Length == 0)
        {
            return true;
        }

        try
        {
            var host = HostString.FromUriComponent(hostHeader);
            return Uri.CheckHostName(host.Host) != UriHostNameType.Unknown;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when AllowedHosts names this host itself (or its parent domain as *.example.org), not just "*".</summary>
    public static bool IsNamedInAllowedHosts(HttpContext context, string host)
    {
        foreach (var allowed in AllowedHosts(context))
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first host AllowedHosts names, for links when the request's own host cannot be trusted.</summary>
    public static string? FirstNamedHost(HttpContext context) =>
        AllowedHosts(context).FirstOrDefault(allowed => !allowed.Contains('*', StringComparison.Ordinal));

    private static IEnumerable<string> AllowedHosts(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
}
