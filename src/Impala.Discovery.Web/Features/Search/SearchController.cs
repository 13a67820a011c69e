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

        var (hits, total) = await SearchIndex.SearchWithSnippetsAsync(db, query, MaxResults, cancellationToken);
        var cards = await CardsByIdAsync(db, hits.Select(hit => hit.EntryId).ToList(), cancellationToken);
        var plurals = (await db.KindSummariesAsync(cancellationToken)).ToDictionary(kind => kind.Key, kind => kind.Plural);
        // Groups in the order of their best result, so the kind that matches best comes first.
        var groups = hits.Where(hit => cards.ContainsKey(hit.EntryId))
            .Select(hit => new SearchResult(cards[hit.EntryId], SnippetPart.Parse(hit.Snippet)))
            .GroupBy(result => result.Entry.KindKey)
            .Select(group => new SearchGroup(group.Key, plurals.GetValueOrDefault(group.Key, group.Key), group.ToList()))
            .ToList();

        var meta = query.Length == 0
            ? new PageMeta($"Search · {HomeController.SiteName}", "Search labels, venues, associations and milestones of the discovery series.", SitePaths.Search)
            : new PageMeta($"\u201c{query}\u201d · Search · {HomeController.SiteName}",
                $"{Formatting.Number(total)} {(total == 1 ? "entry matches" : "entries match")} \u201c{query}\u201d in IMPALA's discovery series.",
                SitePaths.SearchFor(query));
        return View(new SearchViewModel(meta, query, total, groups));
    }

    /// <summary>Entries matching the words of <paramref name="query"/>, best first; also used for the 404 page's suggestions.</summary>
    public static async Task<List<EntryCard>> FindAsync(DiscoveryDbContext db, string query, int limit, CancellationToken cancellationToken, bool anyWord = false)
    {
        var ids = await SearchIndex.SearchAsync(db, query, limit, cancellationToken, anyWord);
        var cards = await CardsByIdAsync(db, ids, cancellationToken);
        return ids.Where(cards.ContainsKey).Select(id => cards[id]).ToList();
    }

    private static async Task<Dictionary<int, EntryCard>> CardsByIdAsync(DiscoveryDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var keys = await db.Entries.Where(entry => ids.Contains(entry.Id))
            .Select(entry => new { entry.Id, entry.KindKey, entry.Slug })
            .ToListAsync(cancellationToken);
        var cards = (await db.Entries.Where(entry => ids.Contains(entry.Id)).ToCardsAsync(cancellationToken))
            .ToDictionary(card => (card.KindKey, card.Slug));
        return keys.ToDictionary(key => key.Id, key => cards[(key.KindKey, key.Slug)]);
    }
}
