using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Search;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>/api/v1/search?q=: the search page's own full-text search, best first.</summary>
[ApiController]
public sealed class SearchApiController(DiscoveryDbContext db) : ControllerBase
{
    public const int MaxResults = 50;

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

        var results = await SearchController.FindAsync(db, query, MaxResults, cancellationToken);
        return new ApiSearchResults(query, results.Select(card => ApiEntrySummary.From(card, HttpContext)).ToList());
    }
}
