namespace Impala.Discovery.Web.Features.Shared;

public static class LowercaseUrls
{
    /// <summary>
    /// Every address of the site is lower case. One typed or shared with capitals (/Labels/Ninja-Tune) answers
    /// with a permanent redirect to its lower-case form, so it works and search engines keep one address.
    /// </summary>
    public static IApplicationBuilder UseLowercaseUrls(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value ?? "";
            // "//Host" or "/\Host" would become a redirect to another site: such paths are left to answer 404.
            var isSitePath = !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && isSitePath && path.Any(char.IsAsciiLetterUpper))
            {
                context.Response.Redirect(request.PathBase + path.ToLowerInvariant() + request.QueryString, permanent: true);
                return;
            }

            await next(context);
        });
}
