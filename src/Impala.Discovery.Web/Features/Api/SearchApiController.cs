using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Search;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>/api/v1/search?q=: the search page's own results, from the same engine, in the same order.</summary>
[ApiController]
public sealed class SearchApiController(SiteSearch search) : ControllerBase
{
    [HttpGetOrHead(SitePaths.Api + "/search")]
    [ProducesResponseType<ApiSearchResults>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public async Task<ActionResult<ApiSearchResults>> Search(string? q, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length is 0 or > SearchController.MaxQueryLength)
        {
            return Problem($"q is the text to search for: give 1 to {SearchController.MaxQueryLength} characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await search.SearchAsync(query, SearchController.MaxResults, cancellationToken);
        return new ApiSearchResults(
            query,
            outcome.Total,
            outcome.Results.Where(result => result.Entry is not null).Select(result => ApiEntrySummary.From(result.Entry!, HttpContext)).ToList(),
            outcome.Results.Select(Hit).ToList(),
            outcome.DidYouMean.Select(Hit).ToList());
    }

    private ApiSearchHit Hit(SearchMatch match) =>
        new(match.Type, match.Name, match.Label, match.Caption, string.Concat(match.Snippet.Select(part => part.Text)),
            SiteAddress.Absolute(HttpContext, match.Path),
            match.ApiPath is null ? null : SiteAddress.Absolute(HttpContext, match.ApiPath),
            match.Entry is null ? null : ApiEntrySummary.From(match.Entry, HttpContext));
}
