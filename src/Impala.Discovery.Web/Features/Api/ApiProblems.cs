using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// Errors under /api/ are RFC 9457 problem details, never the site's HTML error pages. The API's own actions answer
/// with a problem themselves; what fails before an action runs (no such route, a method other than GET, the rate
/// limit, an exception) is re-executed by the status-code and exception pages into /error/{code}, and this answers
/// that re-execution with a problem instead, so the HTML page never renders for an API address. The same goes for the
/// 503 of a store whose first import has not finished.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The address the client asked for, also while its error is being re-executed.</summary>
    public static PathString AddressAsked(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted ? reExecuted.OriginalPathBase + reExecuted.OriginalPath
        : context.Features.Get<IExceptionHandlerPathFeature>() is { } failed ? failed.Path
        : context.Request.Path;

    public static async Task InsteadOfErrorPagesAsync(HttpContext context, RequestDelegate next)
    {
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = context.Features.Get<IExceptionHandlerPathFeature>();
        if (reExecuted is null && failed is null)
        {
            if (!context.RequestServices.GetRequiredService<StoreReadiness>().IsReady)
            {
                // Instead of the HTML "starting" page (see StartingUpPage): the same 503 and Retry-After, as a problem.
                context.Response.Headers.RetryAfter = StartingUpPage.RetryAfter;
                context.Response.Headers.CacheControl = "no-store";
                await TypedResults.Problem("The site is starting and reading its content. Try again in a few seconds.", context.Request.Path,
                    StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                return;
            }

            await next(context);
            return;
        }

        var status = reExecuted?.OriginalStatusCode ?? StatusCodes.Status500InternalServerError;
        if (failed is not null && StartingUpPage.FailedOnALostStore(context))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = StartingUpPage.RetryAfter;
        }

        var detail = status switch
        {
            StatusCodes.Status503ServiceUnavailable => "The site is building its store again from the content. Try again in a few seconds.",
            StatusCodes.Status404NotFound => $"There is nothing at this address. {SitePaths.OpenApiDocument} describes every address of the API.",
            StatusCodes.Status405MethodNotAllowed => "The API answers GET and HEAD only.",
            StatusCodes.Status429TooManyRequests => "Too many requests from this address at once. Wait the seconds that Retry-After gives, then try again.",
            >= 500 => "The request failed on our side. Please try again in a moment.",
            _ => "The request could not be read.",
        };

        // The detail is ours, never the exception's: nothing of a failure's inside reaches the client.
        await TypedResults.Problem(detail, AddressAsked(context).Value, status).ExecuteAsync(context);
    }
}
