using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Errors;

/// <summary>
/// Error pages are not kept in the page cache (a 404 page suggests entries for its own address), except the 429 page:
/// a flood is refused thousands of times a second, the page says the same to everyone, and rendering it each time
/// would hand the flood back the work the limit took away. Only the app's own re-execution may read it from the
/// cache, so /error/429 typed in stays a 404.
/// </summary>
public sealed class ErrorPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "ErrorPages";

    private static bool IsRefusal(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode == StatusCodes.Status429TooManyRequests;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var refusal = IsRefusal(context.HttpContext);
        context.AllowCacheLookup = refusal;
        context.AllowCacheStorage = refusal;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The default rule keeps 200s only; this page is a 429 by design.
        context.AllowCacheStorage = IsRefusal(context.HttpContext) && context.HttpContext.Response.StatusCode == StatusCodes.Status429TooManyRequests;
        return ValueTask.CompletedTask;
    }
}
