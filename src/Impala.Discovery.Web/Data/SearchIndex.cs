using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// The search index, two SQLite FTS5 tables filled at import in the import's own transaction (so every instance built
/// from the same content searches the same index, and a reader never sees half of it):
/// <list type="bullet">
/// <item>SearchDocs: one row per entry, per artist an entry names, and per article; names, artists, places and facts
/// folded as slugs fold (<see cref="SearchText"/>), prose as written. Words match whole or as prefixes.</item>
/// <item>SearchSpelling: every distinct word of names, artists, places and facts, under the trigram tokenizer: the
/// words sharing most three-letter pieces with a mistyped word are its candidates, and only those few are compared
/// letter by letter.</item>
/// </list>
/// </summary>
public static class SearchIndex
{
    public const string EntryType = "entry";
    public const string ArtistType = "artist";
    public const string ArticleType = "article";

    // Columns' weights for bm25, in the order of SearchDocs: names, artists, places, facts, prose.
    private const string Weights = "10.0, 6.0, 4.0, 3.0, 1.0";

    // How many spelling candidates are compared letter by letter: enough for a word's near misses, few enough to be free.
    private const int SpellingCandidates = 40;

    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE IF NOT EXISTS SearchDocs USING fts5("
        + "Names, Artists, Places, Facts, Body, Type UNINDEXED, Key UNINDEXED, Title UNINDEXED, Detail UNINDEXED, ArticleId UNINDEXED, "
        + "tokenize = 'unicode61 remove_diacritics 2');"
        + "CREATE VIRTUAL TABLE IF NOT EXISTS SearchSpelling USING fts5(Word, tokenize = 'trigram');"
        + "CREATE VIRTUAL TABLE IF NOT EXISTS SearchSpellingGrams USING fts5vocab(SearchSpelling, 'row');";

    /// <summary>
    /// Drops the rows of these articles. Their words stay in the spelling list: a word nothing uses any more can only
    /// turn a typo into a word that finds nothing, and the list is rebuilt whenever the store is.
    /// </summary>
    public static async Task RemoveArticlesAsync(DiscoveryDbContext db, IReadOnlyList<int> articleIds, CancellationToken cancellationToken)
    {
        foreach (var articleId in articleIds)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM SearchDocs WHERE ArticleId = {articleId}", cancellationToken);
        }
    }

    /// <summary>Adds entries in the current transaction, through prepared statements (an import may add thousands).</summary>
    public static SearchRowWriter Writer(DiscoveryDbContext db) => new(db);

    /// <summary>The rows matching an FTS5 expression made by the search engine, best first by bm25.</summary>
    public static Task<List<SearchHit>> MatchAsync(DiscoveryDbContext db, string expression, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<SearchHit>(
                $"SELECT rowid AS Id, Type, Key, Title, Names, Artists, Places, Facts, Detail, '' AS Body, bm25(SearchDocs, {Weights}) AS Score "
                + "FROM SearchDocs WHERE SearchDocs MATCH {0} ORDER BY Score LIMIT {1}",
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

    /// <summary>
    /// Words of the index within <see cref="SearchText.TyposAllowed"/> typos of <paramref name="word"/> (a folded word),
    /// nearest first, the word itself left out.
    /// </summary>
    public static async Task<List<(string Word, int Typos)>> NearWordsAsync(DiscoveryDbContext db, string word, CancellationToken cancellationToken)
    {
        var allowed = SearchText.TyposAllowed(word.Length);
        if (allowed == 0)
        {
            return [];
        }

        // A typo changes at most four of a word's three-letter pieces (a swap of two letters), so a word within k typos
        // shares at least one of any 4k + 1 of them: asking a long word's rarest pieces instead of all keeps common
        // ones ("ing", "er$") from bringing in half the list. A few more than that keep the ranking of near words sound.
        var marked = SpellingForm(word);
        var grams = Enumerable.Range(0, marked.Length - 2).Select(start => marked.Substring(start, 3)).Distinct().ToList();
        var enough = 4 * allowed + 5;
        if (grams.Count > enough)
        {
            var gramList = "[" + string.Join(",", grams.Select(gram => System.Text.Json.JsonSerializer.Serialize(gram))) + "]";
            var counts = await db.Database
                .SqlQuery<SpellingGram>($"SELECT term AS Gram, doc AS Words FROM SearchSpellingGrams WHERE term IN (SELECT value FROM json_each({gramList}))")
                .ToDictionaryAsync(gram => gram.Gram, gram => gram.Words, cancellationToken);
            grams = grams.OrderBy(gram => counts.GetValueOrDefault(gram)).Take(enough).ToList();
        }

        var match = string.Join(" OR ", grams.Select(gram => $"\"{gram}\""));
        var candidates = await db.Database
            .SqlQuery<string>($"SELECT Word AS Value FROM SearchSpelling WHERE SearchSpelling MATCH {match} ORDER BY rank LIMIT {SpellingCandidates}")
            .ToListAsync(cancellationToken);
        return candidates.Select(candidate => candidate[1..^1])
            .Where(candidate => candidate != word)
            .Select(candidate => (Word: candidate, Typos: SearchText.Distance(word, candidate, allowed)))
            .Where(near => near.Typos <= allowed)
            .OrderBy(near => near.Typos)
            .ToList();
    }

    /// <summary>A word as the spelling table holds it: marked at both ends, so that its first and last letters make pieces of their own ("^tune$").</summary>
    public static string SpellingForm(string word) => "^" + word + "$";
}
