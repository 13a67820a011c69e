using Impala.Discovery.Web.Content.Addresses;
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
public sealed class ErrorsController(SiteSearch search, ILogger<ErrorsController> logger) : Controller
{
    // Slugs are at most 81 characters (the route's pattern); an address segment longer than that is not a slug.
    private const int MaxSoughtLength = 81;

    // Words of the address read for suggestions: names are rarely longer.
    private const int MaxWords = 4;

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

        if (code >= 500 && StartingUpPage.FailedOnALostStore(HttpContext))
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = StartingUpPage.RetryAfter;
        }

        var originalPath = reExecuted?.OriginalPath ?? failed?.Path ?? "";
        var (heading, explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may have a typo."),
            410 => ("This page was removed", HttpContext.Items[FormerAddresses.GoneReasonKey] is string reason
                ? $"What was at this address has been taken out of the discovery series for good: {reason}"
                : "What was at this address has been taken out of the discovery series for good."),
            400 => ("That request did not make sense", HttpContext.Items[RepeatedQueryKeys.ReasonKey] as string
                ?? "Part of the address or its query string is not something this site understands."),
            429 => ("Too many requests at once", "This address has asked for a great many pages in a short time. Please wait a moment and try again."),
            503 => ("The site is reading its content again", "Its store is being built again from the content. Please try again in a few seconds."),
            _ when code >= 500 => ("Something went wrong on our side", "The page could not be shown. Please try again in a moment."),
            _ => ("This page cannot be shown", "The request could not be completed."),
        };

        var suggestions = code is 404 or 410 ? await SafeSuggestionsAsync(originalPath, cancellationToken) : [];

        Response.StatusCode = code;
        var meta = new PageMeta($"{heading} · {HomeController.SiteName}", explanation, CanonicalPath: null);
        return View("Error", new ErrorViewModel(meta, Response.StatusCode, heading, explanation, suggestions));
    }

    /// <summary>
    /// Entries the address probably meant, from the site's search engine (the search page's "did you mean" comes from
    /// the same call): the last segment's words, so "/labels/ninjatune" finds Ninja Tune by its name run together,
    /// "/venues/berghian" Berghain by a typo, "/venues/berghain-berlin" by its name and city. Bounded for strangers'
    /// random paths: the segment is cut to a slug's length and only its first four words are read.
    /// </summary>
    private async Task<IReadOnlyList<EntryCard>> SafeSuggestionsAsync(string originalPath, CancellationToken cancellationToken)
    {
        try
        {
            // "loppen.html" means loppen: a file extension is not part of the name.
            var name = SitePath.SoughtName(originalPath);
            var words = name[..Math.Min(name.Length, MaxSoughtLength)].Split('-', '_', '.', '+').Where(word => word.Length > 0).Take(MaxWords);
            var found = await search.SuggestAsync(string.Join(' ', words), cancellationToken);
            return found.Where(match => match.Entry is not null).Select(match => match.Entry!).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The 404 page must render even if the store is unavailable; suggestions are a courtesy.
            logger.LogWarning(exception, "No suggestions for the 404 page");
            return [];
        }
    }
}
