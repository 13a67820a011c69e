using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Errors;

/// <summary>
/// The 404 and 410 pages speak of their own address (suggestions, the removal's reason) and 5xx pages follow a
/// failure, so those are never kept. The
/// other 4xx pages (400, 405, 429…) say the same to everyone and are what floods and scanners get, thousands of times
/// a second: rendering each would hand them back the work the rate limit took away, so each is rendered once and
/// kept. Only the app's own re-execution may read them from the cache, so /error/429 typed in stays a 404.
/// </summary>
public sealed class ErrorPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "ErrorPages";

    private static bool IsSameForEveryone(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode is >= 400 and < 500 and not StatusCodes.Status404NotFound
        and not StatusCodes.Status410Gone;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var sameForEveryone = IsSameForEveryone(context.HttpContext);
        context.AllowCacheLookup = sameForEveryone;
        context.AllowCacheStorage = sameForEveryone;
        if (context.HttpContext.Items[RepeatedQueryKeys.ReasonKey] is string reason)
        {
            // A 400 that names the key it refuses: one page per key an action reads, a handful.
            context.CacheVaryByRules.VaryByValues["reason"] = reason;
        }

        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The default rule keeps 200s only; these pages carry their error status by design.
        context.AllowCacheStorage = IsSameForEveryone(context.HttpContext)
            && context.HttpContext.Response.StatusCode == context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>()!.OriginalStatusCode;
        return ValueTask.CompletedTask;
    }
}
