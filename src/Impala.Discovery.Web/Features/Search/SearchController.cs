using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Search;

public sealed class SearchController(SiteSearch search) : Controller
{
    public const int MaxQueryLength = 200;

    /// <summary>Results a search shows (the API gives as many, in the same order).</summary>
    public const int MaxResults = 50;

    [HttpGetOrHead(SitePaths.Search)]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        var outcome = await search.SearchAsync(query, MaxResults, cancellationToken);
        var meta = query.Length == 0
            ? PageMeta.For(PageTexts.Search, null, SitePaths.Search)
            : new PageMeta($"\u201c{query}\u201d · Search · {HomeController.SiteName}",
                $"{Formatting.Number(outcome.Total)} {(outcome.Total == 1 ? "result matches" : "results match")} \u201c{query}\u201d in IMPALA's discovery series.",
                SitePaths.SearchFor(query));
        return View(new SearchViewModel(meta, query, outcome.Total, outcome.Results, outcome.DidYouMean));
    }
}
