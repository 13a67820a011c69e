using System.Globalization;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The site's one search engine: the search page, the JSON API and the 404 page's suggestions all ask it. It reads the
/// query as names are written (<see cref="SearchQuery"/>), lets SQLite FTS5 find the candidates (<see cref="SearchIndex"/>),
/// ranks them as fans' search engines do (<see cref="SearchRank"/>) and shows why each matched (<see cref="SearchSnippet"/>).
/// </summary>
public sealed class SiteSearch(DiscoveryDbContext db, PlaceNames placeNames, SearchCatalogCache catalogs)
{
    public const string CountryType = "country";
    public const string KindType = "kind";

    /// <summary>How many "did you mean" names a failed search offers.</summary>
    public const int MaxSuggestions = 6;

    // Rows ranked per query: the best by bm25 (names weigh most), re-ranked here. Enough to hold every name match.
    private const int CandidateRows = 200;

    /// <summary>The best <paramref name="limit"/> results for every word of <paramref name="text"/>; when there are none, the closest names.</summary>
    public async Task<SearchOutcome> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var catalog = await catalogs.CurrentAsync(db, cancellationToken);
        var query = SearchQuery.Parse(text, placeNames.Current(), catalog.Spelling);
        if (query.IsEmpty)
        {
            return SearchOutcome.None;
        }

        var (results, total) = await FindAsync(query, catalog, anyWord: false, limit, cancellationToken);
        if (results.Count == 0 && query.Whole.Count > 0)
        {
            query = query.WithWholeCorrections(catalog.Spelling);
            (results, total) = await FindAsync(query, catalog, anyWord: false, limit, cancellationToken);
        }

        // With one word, "any word" is the search just made: nothing closer to suggest.
        var didYouMean = results.Count > 0 || query.Slots.Count < 2 ? [] : (await FindAsync(query, catalog, anyWord: true, MaxSuggestions, cancellationToken)).Results;
        return new SearchOutcome(results, total, didYouMean);
    }

    /// <summary>What <paramref name="text"/> (the words of a wrong address, say) most likely meant: the results if there are any, else the closest names.</summary>
    public async Task<IReadOnlyList<SearchMatch>> SuggestAsync(string text, CancellationToken cancellationToken)
    {
        var outcome = await SearchAsync(text, MaxSuggestions, cancellationToken);
        return outcome.Results.Count > 0 ? outcome.Results : outcome.DidYouMean;
    }

    private async Task<(List<SearchMatch> Results, int Total)> FindAsync(
        SearchQuery query, SearchCatalog catalog, bool anyWord, int limit, CancellationToken cancellationToken)
    {
        var expression = query.ToFts(anyWord);
        var rows = await SearchIndex.MatchAsync(db, expression, CandidateRows, cancellationToken);
        var listed = CountriesAndKinds(query, catalog, anyWord);
        var ranked = rows.Select(SearchCandidate.From)
            .Select(candidate => (Candidate: candidate, Rank: SearchRank.Of(query, candidate)))
            .Concat(listed)
            .OrderBy(ranked => ranked.Rank.Order)
            .ToList();
        // An artist has a row for each entry that names them: one result, which says who names them.
        var namedBy = ranked.Where(row => row.Candidate.Hit.Type == SearchIndex.ArtistType)
            .ToLookup(row => row.Candidate.Hit.Key, row => row.Candidate.Hit.Detail);
        var best = ranked.DistinctBy(row => (row.Candidate.Hit.Type, row.Candidate.Hit.Key)).Take(limit).ToList();

        var distinctRows = rows.Count < CandidateRows
            ? rows.DistinctBy(row => (row.Type, row.Key)).Count()
            : await SearchIndex.CountAsync(db, expression, cancellationToken);
        var snippet = new SearchSnippet(query);
        var shown = best.Select(row => row.Candidate.Hit).ToList();
        var bodies = await SearchIndex.BodiesAsync(db, shown.Where(hit => hit.Id > 0).Select(hit => hit.Id).ToList(), cancellationToken);
        shown = shown.Select(hit => bodies.TryGetValue(hit.Id, out var body) ? hit with { Body = body } : hit).ToList();
        var results = await ToMatchesAsync(shown, snippet, namedBy, catalog, cancellationToken);
        return (results, distinctRows + listed.Count);
    }

    // Countries and kinds are few: matched here against their names (and a country's other names) rather than indexed;
    // only those that match are counted, with the counts their pages show.
    private List<(SearchCandidate Candidate, SearchRank Rank)> CountriesAndKinds(SearchQuery query, SearchCatalog catalog, bool anyWord)
    {
        var kinds = catalog.Kinds.Select(kind => Listed(KindType, kind.Key, kind.Plural, [kind.Plural, kind.Singular, kind.Key], kind.Intro));
        var matched = new List<(SearchCandidate Candidate, SearchRank Rank)>();
        foreach (var candidate in placeNames.Current().Countries.Concat(kinds).Select(SearchCandidate.From))
        {
            var rank = SearchRank.Of(query, candidate);
            if (!rank.IsName && (anyWord ? rank.Unmatched == query.Slots.Count : rank.Unmatched > 0))
            {
                continue;
            }

            var key = candidate.Hit.Key;
            var count = candidate.Hit.Type == CountryType
                ? catalog.EntriesByCountry.GetValueOrDefault(key)
                : catalog.Kinds.FirstOrDefault(kind => kind.Key == key)?.Count ?? 0;
            // A country or kind without entries has no page.
            if (count > 0)
            {
                matched.Add((SearchCandidate.From(candidate.Hit with { Detail = (candidate.Hit.Detail + " " + Entries(count)).Trim() }), rank));
            }
        }

        return matched;
    }

    /// <summary>A country or kind as a row of the index would hold it, to be ranked with the rows.</summary>
    public static SearchHit Listed(string type, string key, string title, IEnumerable<string> names, string detail) =>
        new(0, type, key, title, string.Join(" | ", names.Select(SearchText.Forms)), "", "", "", detail, "", 0);

    private static string Entries(int count) => count == 1 ? "1 entry." : $"{Formatting.Number(count)} entries.";

    private async Task<List<SearchMatch>> ToMatchesAsync(
        List<SearchHit> hits, SearchSnippet snippet, ILookup<string, string> namedBy, SearchCatalog catalog, CancellationToken cancellationToken)
    {
        var entryIds = hits.Where(hit => hit.Type == SearchIndex.EntryType).Select(hit => int.Parse(hit.Key, CultureInfo.InvariantCulture)).ToList();
        var cards = await CardsByIdAsync(entryIds, cancellationToken);
        var kindSingulars = catalog.Kinds.ToDictionary(kind => kind.Key, kind => kind.Singular);
        var matches = new List<SearchMatch>(hits.Count);
        foreach (var hit in hits)
        {
            SearchMatch? match = hit.Type switch
            {
                SearchIndex.EntryType when cards.GetValueOrDefault(int.Parse(hit.Key, CultureInfo.InvariantCulture)) is { } card =>
                    new(hit.Type, card.Name, card.Path, SitePaths.ApiEntry(card.KindKey, card.Slug), card.KindSingular, card.KindKey, card.Caption,
                        snippet.For(hit.Detail, hit.Body), card),
                SearchIndex.ArtistType =>
                    new(hit.Type, hit.Title, SitePaths.Artist(hit.Key), null, "Artist", null, "",
                        snippet.Mark("Named by " + string.Join(", ", namedBy[hit.Key].Distinct().Take(4)) + "."), null),
                SearchIndex.ArticleType =>
                    new(hit.Type, hit.Title, SitePaths.Article(hit.Key), SitePaths.ApiArticle(hit.Key), "Article", null, "", snippet.For("", hit.Body), null),
                CountryType =>
                    new(hit.Type, hit.Title, SitePaths.Country(hit.Key), SitePaths.ApiCountry(hit.Key), "Country", null, "", snippet.Mark(hit.Detail), null),
                KindType =>
                    new(hit.Type, hit.Title, SitePaths.Kind(hit.Key), SitePaths.ApiKind(hit.Key), "Every " + kindSingulars.GetValueOrDefault(hit.Key, hit.Key).ToLowerInvariant(),
                        hit.Key, "", snippet.Mark(hit.Detail), null),
                _ => null,
            };
            if (match is not null)
            {
                matches.Add(match);
            }
        }

        return matches;
    }

    private async Task<Dictionary<int, EntryCard>> CardsByIdAsync(List<int> ids, CancellationToken cancellationToken)
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
