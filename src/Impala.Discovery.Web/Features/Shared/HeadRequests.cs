namespace Impala.Discovery.Web.Features.Shared;

public static class HeadRequests
{
    /// <summary>
    /// Answers HEAD exactly as GET, on every route whoever mapped it (MVC actions, the OpenAPI document, health
    /// probes): the request goes through as a GET, so it gets GET's status and headers (and its cached answer), and
    /// its body goes nowhere. Kestrel would drop the body of a HEAD answer anyway; doing it here makes the behaviour
    /// the same behind any server, the test host included. The method is HEAD again for the request log.
    /// </summary>
    public static IApplicationBuilder UseHeadLikeGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
            }
        });
}
