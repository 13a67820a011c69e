using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Search;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Errors;

/// <summary>Readable error pages. A 404 suggests entries whose names resemble the address that was asked for.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(PolicyName = ErrorPageCachePolicy.Name)]
public sealed class ErrorsController(DiscoveryDbContext db, ILogger<ErrorsController> logger) : Controller
{
    // Slugs are at most 81 characters (the route's pattern); an address segment longer than that is not a slug.
    private const int MaxSoughtLength = 81;

    // Hyphens a slug of the sought length may add: one between each of a long name's words.
    private const int MaxHyphens = 8;

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
            410 => ("This page was removed", HttpContext.Items[FormerAddresses.GoneReasonKey] is string reason
                ? $"What was at this address has been taken out of the discovery series for good: {reason}"
                : "What was at this address has been taken out of the discovery series for good."),
            400 => ("That request did not make sense", "Part of the address or its query string is not something this site understands."),
            429 => ("Too many requests at once", "This address has asked for a great many pages in a short time. Please wait a moment and try again."),
            _ when code >= 500 => ("Something went wrong on our side", "The page could not be shown. Please try again in a moment."),
            _ => ("This page cannot be shown", "The request could not be completed."),
        };

        var suggestions = code is 404 or 410 ? await SafeSuggestionsAsync(originalPath, cancellationToken) : [];

        Response.StatusCode = code;
        var meta = new PageMeta($"{heading} · {HomeController.SiteName}", explanation, CanonicalPath: null);
        return View("Error", new ErrorViewModel(meta, Response.StatusCode, heading, explanation, suggestions));
    }

    private static string TrimPlural(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    /// <summary>
    /// Entries the address probably meant: first the entry whose slug is nearest to the last segment written without
    /// hyphens ("/labels/ninjatune" → Ninja Tune, "/venues/paradisoo" → Paradiso), looked for in the kind the first
    /// segment names, then entries whose words the address shares. Bounded for strangers' random paths: the segment is
    /// cut to a slug's length, the near-miss compares only slugs of about its length, the search takes four words.
    /// </summary>
    private async Task<IReadOnlyList<EntryCard>> SafeSuggestionsAsync(string originalPath, CancellationToken cancellationToken)
    {
        try
        {
            var segments = originalPath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            var lastSegment = segments.LastOrDefault() ?? "";
            var words = lastSegment.Split('-', '_', '.').Where(word => word.Length > 1).Take(4).ToList();
            var nearest = await NearestSlugAsync(segments.FirstOrDefault(), lastSegment, cancellationToken);
            // A near miss should still find it, so any word may match and a word also matches as the start of a longer one.
            var found = await SearchController.FindAsync(db, string.Join(' ', words.Select(TrimPlural)), 6, cancellationToken, anyWord: true);
            return nearest.Concat(found).DistinctBy(card => card.Path).Take(6).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The 404 page must render even if the store is unavailable; suggestions are a courtesy.
            logger.LogWarning(exception, "No suggestions for the 404 page");
            return [];
        }
    }

    private async Task<List<EntryCard>> NearestSlugAsync(string? firstSegment, string lastSegment, CancellationToken cancellationToken)
    {
        // "loppen.html" means loppen: a file extension is not part of the name.
        var sought = new string(Path.GetFileNameWithoutExtension(lastSegment).Where(char.IsAsciiLetterOrDigit).Take(MaxSoughtLength).ToArray()).ToLowerInvariant();
        if (sought.Length < 4)
        {
            return [];
        }

        var entries = db.Entries.AsNoTracking();
        var kind = firstSegment is not null && await entries.AnyAsync(entry => entry.KindKey == firstSegment, cancellationToken) ? firstSegment : null;
        foreach (var scope in kind is null ? [null] : new[] { kind, null })
        {
            // The edit distance is at least the difference in length, so only slugs of about the sought length (plus
            // their hyphens) can be near enough: SQL leaves the rest out.
            var slack = Math.Max(2, sought.Length / 3);
            var candidates = await (scope is null ? entries : entries.Where(entry => entry.KindKey == scope))
                .Where(entry => entry.Slug.Length >= sought.Length - slack && entry.Slug.Length <= sought.Length + slack + MaxHyphens)
                .Select(entry => new { entry.Id, entry.Slug })
                .ToListAsync(cancellationToken);
            var idByCompactSlug = candidates.GroupBy(entry => entry.Slug.Replace("-", "", StringComparison.Ordinal))
                .ToDictionary(group => group.Key, group => group.First().Id);
            if (Suggestions.Nearest(sought, idByCompactSlug.Keys) is { } nearest)
            {
                var id = idByCompactSlug[nearest];
                return await entries.Where(entry => entry.Id == id).ToCardsAsync(cancellationToken);
            }
        }

        return [];
    }
}
