using Impala.Discovery.Web.Features.Edge;

namespace Impala.Discovery.Web.Features.Shared;

public static class LowercaseUrls
{
    /// <summary>
    /// Every address of the site is lower case. One typed or shared with capitals (/Labels/Ninja-Tune) answers
    /// with a permanent redirect to its lower-case form, so it works and search engines keep one address.
    /// The target is built from the encoded path, so escapes (%C3%96) stay escapes, and it is sent only when
    /// <see cref="LocalPath.IsLocal"/> agrees; anything else goes on to routing (and its 404).
    /// A path with a control character in it is not an address of this site: it answers 400. The editors' ?token= is
    /// left out of the redirect: a Location header ends up in proxies' logs and browsers' histories.
    /// </summary>
    public static IApplicationBuilder UseLowercaseUrls(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if ((request.Path.Value ?? "").Any(char.IsControl))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                var lowercased = LocalPath.Lowercased(request.PathBase.ToUriComponent() + request.Path.ToUriComponent());
                if (lowercased is not null && context.Response.TryRedirectToLocalPath(lowercased + WithoutSecrets(request.QueryString), permanent: true))
                {
                    return;
                }
            }

            await next(context);
        });

    /// <summary>The query string as sent, less any <c>token</c> pair (the key read case-insensitively, as the gate reads it).</summary>
    public static string WithoutSecrets(QueryString query)
    {
        var text = query.ToUriComponent();
        if (!text.Contains("token", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var kept = text.TrimStart('?').Split('&').Where(pair =>
            !string.Equals(Uri.UnescapeDataString(pair.Split('=')[0].Replace('+', ' ')), "token", StringComparison.OrdinalIgnoreCase));
        var rest = string.Join("&", kept);
        return rest.Length == 0 ? "" : "?" + rest;
    }
}
