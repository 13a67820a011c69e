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

    /// <summary>
    /// The ids of matching entries, best first. Each word of the query is matched as a prefix, and the
    /// query is quoted word by word, so FTS5 operators typed by a visitor are searched for, not obeyed.
    /// Entries must match every word, or with <paramref name="anyWord"/> at least one (for "did you mean" lists).
    /// </summary>
    public static async Task<List<int>> SearchAsync(DiscoveryDbContext db, string query, int limit, CancellationToken cancellationToken, bool anyWord = false)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.Where(char.IsLetterOrDigit).ToArray()))
            .Where(word => word.Length > 0)
            .Take(12)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var match = string.Join(anyWord ? " OR " : " ", words.Select(word => $"\"{word}\"*"));
        return await db.Database
            .SqlQuery<int>($"SELECT EntryId AS Value FROM EntrySearch WHERE EntrySearch MATCH {match} ORDER BY bm25(EntrySearch, 10.0, 3.0, 1.0) LIMIT {limit}")
            .ToListAsync(cancellationToken);
    }
}
