using Impala.Discovery.Web.Content.Addresses;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Admin;

/// <summary>
/// The headers of /admin/ that differ from the rest of the site. Decap CMS compiles its schemas at run time
/// ('unsafe-eval'), injects its styles ('unsafe-inline'), shows pictures being uploaded (blob:) and talks to the git
/// host's API; its GitHub login is a pop-up that must be able to answer its opener. The rest of the site keeps its
/// strict policy (see SecurityHeaders).
/// </summary>
public static class AdminPolicy
{
    public const string Root = "/admin";

    public static bool Applies(PathString path) => SitePath.AreaOf(path) == PathArea.Admin;

    public static string ContentSecurityPolicy(HttpContext context)
    {
        var origins = string.Concat(context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.Origins().Select(origin => " " + origin));
        return "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob: https:; font-src 'self' data:; media-src 'self' blob:; frame-src 'self' blob:; "
            + $"connect-src 'self' blob:{origins}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    public const string OpenerPolicy = "same-origin-allow-popups";
}
