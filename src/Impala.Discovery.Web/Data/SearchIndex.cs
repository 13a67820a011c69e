using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>The SQLite FTS5 table behind /search, filled at import with each entry's name, facts and prose.</summary>
public static class SearchIndex
{
    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS EntrySearch USING fts5("
        + "Name, Facts, Body, EntryId UNINDEXED, ArticleId UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');";

    public static async Task RemoveArticlesAsync(DiscoveryDbContext db, IReadOnlyList<int> articleIds, CancellationToken cancellationToken)
    {
        foreach (var articleId in articleIds)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM EntrySearch WHERE ArticleId = {articleId}", cancellationToken);
        }
    }

    /// <summary>Adds entries in the current transaction, through one prepared statement (an import may add thousands).</summary>
    public static SearchRowWriter Writer(DiscoveryDbContext db) => new(db);

    /// <summary>Marks that <see cref="SearchWithSnippetsAsync"/> puts around each matched word of a snippet: private-use characters, which prose does not hold.</summary>
    public const char MatchStart = '\uE000';

    public const char MatchEnd = '\uE001';

    /// <summary>
    /// The ids of matching entries, best first. Each word of the query is matched as a prefix, and the
    /// query is quoted word by word, so FTS5 operators typed by a visitor are searched for, not obeyed.
    /// Entries must match every word, or with <paramref name="anyWord"/> at least one (for "did you mean" lists).
    /// </summary>
    public static async Task<List<int>> SearchAsync(DiscoveryDbContext db, string query, int limit, CancellationToken cancellationToken, bool anyWord = false)
    {
        if (MatchExpression(query, anyWord) is not { } match)
        {
            return [];
        }

        return await db.Database
            .SqlQuery<int>($"SELECT EntryId AS Value FROM EntrySearch WHERE EntrySearch MATCH {match} ORDER BY bm25(EntrySearch, 10.0, 3.0, 1.0) LIMIT {limit}")
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Like <see cref="SearchAsync"/> (every word must match), with a few words of each entry's prose around the
    /// matches, each matched word between <see cref="MatchStart"/> and <see cref="MatchEnd"/>, and how many entries match in all.
    /// </summary>
    public static async Task<(List<SearchHit> Hits, int Total)> SearchWithSnippetsAsync(DiscoveryDbContext db, string query, int limit, CancellationToken cancellationToken)
    {
        if (MatchExpression(query, anyWord: false) is not { } match)
        {
            return ([], 0);
        }

        var start = MatchStart.ToString();
        var end = MatchEnd.ToString();
        var hits = await db.Database
            .SqlQuery<SearchHit>($"SELECT EntryId, snippet(EntrySearch, 2, {start}, {end}, '…', 24) AS Snippet FROM EntrySearch WHERE EntrySearch MATCH {match} ORDER BY bm25(EntrySearch, 10.0, 3.0, 1.0) LIMIT {limit}")
            .ToListAsync(cancellationToken);
        var total = hits.Count < limit ? hits.Count : await db.Database
            .SqlQuery<int>($"SELECT count(*) AS Value FROM EntrySearch WHERE EntrySearch MATCH {match}")
            .SingleAsync(cancellationToken);
        return (hits, total);
    }

    private static string? MatchExpression(string query, bool anyWord)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Take(12)
            .ToList();
        return words.Count == 0 ? null : string.Join(anyWord ? " OR " : " ", words.Select(word => $"\"{word}\"*"));
    }
}
