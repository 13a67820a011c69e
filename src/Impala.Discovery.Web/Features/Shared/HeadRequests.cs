namespace Impala.Discovery.Web.Features.Shared;

public static class HeadRequests
{
    /// <summary>
    /// Answers HEAD with the headers GET would send and no body. Kestrel drops the body of HEAD responses anyway;
    /// doing it here makes the behaviour the same behind any server, the test host included.
    /// </summary>
    public static IApplicationBuilder UseHeadWithoutBody(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Body = Stream.Null;
            }

            await next(context);
        });
}
