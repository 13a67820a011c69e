using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// The search index, an SQLite FTS5 table and a word list filled at import in the import's own transaction (so every instance built
/// from the same content searches the same index, and a reader never sees half of it):
/// <list type="bullet">
/// <item>SearchDocs: one row per entry, per artist an entry names, and per article; names, artists, places and facts
/// folded as slugs fold (<see cref="SearchText"/>), prose as written. Words match whole or as prefixes.</item>
/// <item>SearchSpelling: every distinct word of names, artists, places and facts, with how many rows hold it (a word
/// leaves with the last, so a live store holds the words a new one would): searches file it by
/// three-letter pieces in memory once per import (<c>Features/Search/SpellingIndex</c>), which costs the import far less
/// than a trigram index of its own and answers a mistyped word in microseconds.</item>
/// </list>
/// </summary>
public static class SearchIndex
{
    public const string EntryType = "entry";
    public const string ArtistType = "artist";
    public const string ArticleType = "article";

    // Columns' weights for bm25, in the order of SearchDocs: names, artists, places, facts, prose.
    private const string Weights = "10.0, 6.0, 4.0, 3.0, 1.0";

    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS SearchDocs USING fts5("
        + "Names, Artists, Places, Facts, Body, Type UNINDEXED, Key UNINDEXED, Title UNINDEXED, Detail UNINDEXED, ArticleId UNINDEXED, "
        + "tokenize = 'unicode61 remove_diacritics 2');"
        + "CREATE TABLE IF NOT EXISTS SearchSpelling (Word TEXT NOT NULL PRIMARY KEY, Uses INTEGER NOT NULL) WITHOUT ROWID;";

    // An article's rows are numbered from its id shifted by this: room for 16 million rows (an article has at most
    // 1,000 entries, each a row and one per artist it names).
    private const int RowsPerArticleBits = 24;

    /// <summary>
    /// The first row id of an article's rows, which follow one another: an edit drops them as a range of row ids. An
    /// FTS5 table has no index on its other columns: dropping them by ArticleId read every row of the index, a third of
    /// an edit's write at 10,000 entries.
    /// </summary>
    public static long FirstRowOf(int articleId) => (long)articleId << RowsPerArticleBits;

    /// <summary>Drops the rows of these articles, with their words (see <see cref="RemoveRowsAsync"/>).</summary>
    public static Task RemoveArticlesAsync(DiscoveryDbContext db, IReadOnlyList<int> articleIds, CancellationToken cancellationToken) =>
        RemoveRowsAsync(db, articleIds.Select(articleId => (FirstRowOf(articleId), FirstRowOf(articleId + 1))).ToList(), cancellationToken);

    /// <summary>
    /// Drops the rows of these entries of one article: each entry's row and the rows of the artists it names, which
    /// follow it (see <see cref="SearchRowWriter"/>), with their words, as <see cref="RemoveArticlesAsync"/> does.
    /// </summary>
    public static async Task RemoveEntriesAsync(DiscoveryDbContext db, int articleId, IReadOnlySet<int> entryIds, CancellationToken cancellationToken)
    {
        var (first, next) = (FirstRowOf(articleId), FirstRowOf(articleId + 1));
        var rows = await db.Database
            .SqlQuery<SearchRowKind>($"SELECT rowid AS Id, Type, Key FROM SearchDocs WHERE rowid >= {first} AND rowid < {next} ORDER BY rowid")
            .ToListAsync(cancellationToken);
        var ranges = new List<(long From, long To)>();
        for (var at = 0; at < rows.Count; at++)
        {
            if (rows[at].Type == EntryType && int.TryParse(rows[at].Key, CultureInfo.InvariantCulture, out var id) && entryIds.Contains(id))
            {
                var end = at + 1;
                while (end < rows.Count && rows[end].Type == ArtistType)
                {
                    end++;
                }

                ranges.Add((rows[at].Id, end < rows.Count ? rows[end].Id : next));
            }
        }

        await RemoveRowsAsync(db, ranges, cancellationToken);
    }

    /// <summary>
    /// Drops the rows in these ranges of row ids, and counts their words down in the spelling list: a word no row holds
    /// any more leaves it. Kept, it changed what a search finds (a typo corrected to a word that is gone), so a live
    /// store searched otherwise than a new one built from the same content (found by sweep 4).
    /// </summary>
    private static async Task RemoveRowsAsync(DiscoveryDbContext db, IReadOnlyList<(long From, long To)> ranges, CancellationToken cancellationToken)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (first, next) in ranges)
        {
            var rows = await db.Database
                .SqlQuery<string>($"SELECT coalesce(Names, '') || ' ' || coalesce(Artists, '') || ' ' || coalesce(Places, '') || ' ' || coalesce(Facts, '') AS Value FROM SearchDocs WHERE rowid >= {first} AND rowid < {next}")
                .ToListAsync(cancellationToken);
            foreach (var word in rows.SelectMany(row => SearchRowWriter.SpellingWords(row).Distinct(StringComparer.Ordinal)))
            {
                uses[word] = uses.GetValueOrDefault(word) + 1;
            }

            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM SearchDocs WHERE rowid >= {first} AND rowid < {next}", cancellationToken);
        }

        if (uses.Count == 0)
        {
            return;
        }

        // Two statements over the words as one JSON object ({"word": uses}), rather than a statement per word and a
        // look through the whole list: an article has hundreds of words, and each statement cost an edit's write more
        // than its rows did at 10,000 entries.
        var counts = JsonSerializer.Serialize(uses);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE SearchSpelling SET Uses = Uses - counted.value FROM json_each({counts}) AS counted WHERE SearchSpelling.Word = counted.key",
            cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM SearchSpelling WHERE Word IN (SELECT key FROM json_each({counts})) AND Uses <= 0", cancellationToken);
    }

    /// <summary>Adds entries in the current transaction, through prepared statements (an import may add thousands).</summary>
    public static SearchRowWriter Writer(DiscoveryDbContext db, bool write = true) => new(db, write);

    /// <summary>The rows matching an FTS5 expression made by the search engine, best first by bm25.</summary>
    /// <remarks>
    /// The best rows are picked by id and score first, and only their columns are read: sorting whole rows would read
    /// the columns of every match (a common word's hundreds), which took most of a query's time.
    /// </remarks>
    public static Task<List<SearchHit>> MatchAsync(DiscoveryDbContext db, string expression, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<SearchHit>(
                $"WITH Best AS MATERIALIZED (SELECT rowid AS Id, bm25(SearchDocs, {Weights}) AS Score FROM SearchDocs WHERE SearchDocs MATCH {{0}} ORDER BY Score LIMIT {{1}}) "
                + "SELECT Best.Id, Row.Type, Row.Key, Row.Title, Row.Names, Row.Artists, Row.Places, Row.Facts, Row.Detail, '' AS Body, Best.Score "
                + "FROM Best JOIN SearchDocs AS Row ON Row.rowid = Best.Id ORDER BY Best.Score",
                expression, limit)
            .ToListAsync(cancellationToken);

    /// <summary>The prose of these rows, by row id: read for the few results shown, not for every candidate ranked.</summary>
    public static async Task<Dictionary<long, string>> BodiesAsync(DiscoveryDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var idList = "[" + string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
        var rows = await db.Database
            .SqlQuery<SearchBody>($"SELECT rowid AS Id, Body FROM SearchDocs WHERE rowid IN (SELECT value FROM json_each({idList}))")
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Id, row => row.Body);
    }

    public static Task<int> CountAsync(DiscoveryDbContext db, string expression, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchDocs WHERE SearchDocs MATCH {expression}").SingleAsync(cancellationToken);

    /// <summary>Every word of the spelling list, for <c>Features/Search/SpellingIndex</c> to file by its pieces.</summary>
    public static Task<List<string>> SpellingWordsAsync(DiscoveryDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>("SELECT Word AS Value FROM SearchSpelling").ToListAsync(cancellationToken);
}
