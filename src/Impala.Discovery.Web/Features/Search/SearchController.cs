using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Search;

public sealed class SearchController(DiscoveryDbContext db) : Controller
{
    public const int MaxQueryLength = 200;
    private const int MaxResults = 50;

    [HttpGetOrHead(SitePaths.Search)]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        var results = await FindAsync(db, query, MaxResults, cancellationToken);
        var meta = query.Length == 0
            ? new PageMeta($"Search · {HomeController.SiteName}", "Search labels, venues, associations and milestones of the discovery series.", SitePaths.Search)
            : new PageMeta($"\u201c{query}\u201d · Search · {HomeController.SiteName}",
                $"{results.Count} {(results.Count == 1 ? "entry matches" : "entries match")} \u201c{query}\u201d in IMPALA's discovery series.",
                SitePaths.SearchFor(query));
        return View(new SearchViewModel(meta, query, results));
    }

    /// <summary>Entries matching the words of <paramref name="query"/>, best first; also used for the 404 page's suggestions.</summary>
    public static async Task<List<EntryCard>> FindAsync(DiscoveryDbContext db, string query, int limit, CancellationToken cancellationToken, bool anyWord = false)
    {
        var ids = await SearchIndex.SearchAsync(db, query, limit, cancellationToken, anyWord);
        if (ids.Count == 0)
        {
            return [];
        }

        var cards = await db.Entries.Where(entry => ids.Contains(entry.Id))
            .Select(entry => new { entry.Id, entry.KindKey, entry.Slug })
            .ToListAsync(cancellationToken);
        var all = await db.Entries.Where(entry => ids.Contains(entry.Id)).ToCardsAsync(cancellationToken);
        var rank = cards.ToDictionary(card => $"{card.KindKey}/{card.Slug}", card => ids.IndexOf(card.Id));
        return all.OrderBy(card => rank[$"{card.KindKey}/{card.Slug}"]).ToList();
    }
}
