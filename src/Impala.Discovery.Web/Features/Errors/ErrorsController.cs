using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Search;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.Errors;

/// <summary>Readable error pages. A 404 suggests entries whose names resemble the address that was asked for.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(PolicyName = ErrorPageCachePolicy.Name)]
public sealed class ErrorsController(DiscoveryDbContext db, ILogger<ErrorsController> logger) : Controller
{
    [Route("/error/{code:int}")]
    public async Task<IActionResult> Show(int code, CancellationToken cancellationToken)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Only the app's own re-execution shows an error page here; /error/500 typed in is just an unknown address.
        if ((reExecuted is null && failed is null) || code is < 400 or > 599)
        {
            return NotFound();
        }

        var originalPath = reExecuted?.OriginalPath ?? failed?.Path ?? "";
        var (heading, explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may have a typo."),
            410 => ("This page was removed", "What was at this address has been taken out of the discovery series for good."),
            400 => ("That request did not make sense", "Part of the address or its query string is not something this site understands."),
            429 => ("Too many requests at once", "This address has asked for a great many pages in a short time. Please wait a moment and try again."),
            _ when code >= 500 => ("Something went wrong on our side", "The page could not be shown. Please try again in a moment."),
            _ => ("This page cannot be shown", "The request could not be completed."),
        };

        IReadOnlyList<EntryCard> suggestions = [];
        if (code is 404 or 410)
        {
            // The last segment names what was sought ("/labels/ninja-tunes" → "ninja tunes"); a near miss should still
            // find it, so any word may match and a word also matches as the start of a longer one.
            var lastSegment = originalPath.TrimEnd('/').Split('/').LastOrDefault() ?? "";
            var words = string.Join(' ', lastSegment.Split('-', '_', '.').Select(TrimPlural).Where(word => word.Length > 1).Take(4));
            suggestions = await SafeSuggestionsAsync(words, cancellationToken);
        }

        Response.StatusCode = code;
        var meta = new PageMeta($"{heading} · {HomeController.SiteName}", explanation, CanonicalPath: null);
        return View("Error", new ErrorViewModel(meta, Response.StatusCode, heading, explanation, suggestions));
    }

    private static string TrimPlural(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    private async Task<IReadOnlyList<EntryCard>> SafeSuggestionsAsync(string words, CancellationToken cancellationToken)
    {
        try
        {
            return await SearchController.FindAsync(db, words, 6, cancellationToken, anyWord: true);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The 404 page must render even if the store is unavailable; suggestions are a courtesy.
            logger.LogWarning(exception, "No suggestions for the 404 page");
            return [];
        }
    }
}
