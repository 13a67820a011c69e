using System.Data.Common;
using System.Globalization;
using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Adds entries to the search index through prepared statements, in the current transaction: the entry, each artist it
/// names, its article once, and their words to the spelling list, each counted once per row that holds it (see
/// <see cref="SearchIndex.RemoveArticlesAsync"/>, which counts them down). Call <see cref="FinishAsync"/> once all are in.
/// </summary>
public sealed class SearchRowWriter : IAsyncDisposable
{
    // Spelling corrections start at five letters; a shorter word could only ever match itself.
    private const int MinSpellingLength = SearchText.MinTypoLength - 1;

    private readonly DbCommand _doc;
    private readonly DbCommand _word;
    private readonly bool _write;
    // How many rows of this import hold each word: written once per word at the end, not once per row.
    private readonly Dictionary<string, int> _wordUses = new(StringComparer.Ordinal);

    // Folding costs more than the insert; places, facts and artists come back entry after entry. Each value's forms,
    // and the words of them the spelling list may hold.
    private readonly Dictionary<string, (List<string> Forms, string[] Words)> _folded = new(StringComparer.Ordinal);
    private readonly List<string> _docWords = [];
    private int? _lastArticleId;

    // The next row id of each article's rows (see SearchIndex.FirstRowOf).
    private readonly Dictionary<int, long> _nextRow = [];

    /// <param name="db">The store, in the transaction the rows go into.</param>
    /// <param name="write">False for a writer that only hashes its rows (see <see cref="RowsHash"/>), writing nothing.</param>
    public SearchRowWriter(DiscoveryDbContext db, bool write = true)
    {
        _write = write;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _doc = Command(connection, transaction,
            "INSERT INTO SearchDocs (rowid, Names, Artists, Places, Facts, Body, Type, Key, Title, Detail, ArticleId) "
            + "VALUES ($rowid, $names, $artists, $places, $facts, $body, $type, $key, $title, $detail, $article)");
        _word = Command(connection, transaction,
            "INSERT INTO SearchSpelling (Word, Uses) VALUES ($word, $uses) ON CONFLICT (Word) DO UPDATE SET Uses = Uses + excluded.Uses");
    }

    /// <summary>Adds the entry's rows (and its article's, before its first entry), and adds them to <paramref name="hash"/>, if given.</summary>
    public async Task InsertAsync(Article article, Entry entry, string bodyText, CancellationToken cancellationToken, RowsHash? hash = null)
    {
        if (_lastArticleId != article.Id)
        {
            _lastArticleId = article.Id;
            await InsertDocAsync(SearchIndex.ArticleType, article.Slug, article.Title, article.Id, Folded([article.Title, article.Slug]), "", "", "", "",
                article.Summary, hash, cancellationToken);
        }

        var facts = entry.Facts.Where(fact => fact.Type is not (FactType.Url or FactType.Links)).ToList();
        var names = new[] { entry.Name, entry.Slug }
            .Concat(entry.Aliases.Select(alias => alias.Slug))
            .Concat(facts.Where(IsFullName).SelectMany(fact => fact.Values));
        var places = facts.Where(IsPlace).SelectMany(fact => fact.Values);
        var others = facts.Where(fact => !IsFullName(fact) && !IsPlace(fact) && fact.Type != FactType.Artists).SelectMany(fact => fact.Values)
            .Append(entry.KindKey);
        var detail = string.Join("\n", facts.Select(fact => $"{fact.Key}: {string.Join(", ", fact.Values)}"));
        await InsertDocAsync(SearchIndex.EntryType, entry.Id.ToString(CultureInfo.InvariantCulture), entry.Name, entry.ArticleId,
            Folded(names), Folded(entry.Artists.Select(artist => artist.ArtistName)), Folded(places), Folded(others), detail, bodyText, hash, cancellationToken);
        foreach (var artist in entry.Artists)
        {
            await InsertDocAsync(SearchIndex.ArtistType, artist.ArtistSlug, artist.ArtistName, entry.ArticleId,
                Folded([artist.ArtistName, artist.ArtistSlug]), "", "", "", entry.Name, "", hash, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _doc.DisposeAsync();
        await _word.DisposeAsync();
    }

    private static bool IsFullName(EntryFact fact) => fact.Key.Equals("Full name", StringComparison.OrdinalIgnoreCase);

    private static bool IsPlace(EntryFact fact) =>
        fact.Type is FactType.Country or FactType.Countries || fact.Key.Equals("City", StringComparison.OrdinalIgnoreCase);

    // Each form once: a name and its slug fold alike, and a word said twice would only weigh more in bm25. The words go
    // to the spelling list with the row.
    private string Folded(IEnumerable<string> values)
    {
        var forms = new List<string>();
        foreach (var value in values)
        {
            if (!_folded.TryGetValue(value, out var folded))
            {
                var valueForms = SearchText.FormList(value);
                var words = valueForms.SelectMany(SpellingWords).Distinct(StringComparer.Ordinal).ToArray();
                _folded[value] = folded = (valueForms, words);
            }

            forms.AddRange(folded.Forms);
            _docWords.AddRange(folded.Words);
        }

        return string.Join(" | ", forms.Distinct(StringComparer.Ordinal));
    }

    private async Task InsertDocAsync(
        string type, string key, string title, int articleId, string names, string artists, string places, string facts, string detail, string body,
        RowsHash? hash, CancellationToken cancellationToken)
    {
        var rowid = _nextRow.GetValueOrDefault(articleId, SearchIndex.FirstRowOf(articleId));
        _nextRow[articleId] = rowid + 1;
        object[] values = [rowid, names, artists, places, facts, body, type, key, title, detail, articleId];
        hash?.StartRow("SearchDocs");
        for (var index = 0; index < values.Length; index++)
        {
            _doc.Parameters[index].Value = values[index];
        }

        // The row id, the article id and an entry's key (its id) are the store's keys; the rest is what this build makes
        // of the entry.
        foreach (var value in new object?[] { names, artists, places, facts, body, type, type == SearchIndex.EntryType ? null : key, title, detail })
        {
            hash?.Add(value);
        }

        if (!_write)
        {
            _docWords.Clear();
            return;
        }

        await _doc.ExecuteNonQueryAsync(cancellationToken);
        foreach (var word in _docWords.Distinct(StringComparer.Ordinal))
        {
            _wordUses[word] = _wordUses.GetValueOrDefault(word) + 1;
        }

        _docWords.Clear();
    }

    /// <summary>Writes the spelling list's counts of the rows added.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        foreach (var (word, uses) in _wordUses)
        {
            (_word.Parameters[0].Value, _word.Parameters[1].Value) = (word, uses);
            await _word.ExecuteNonQueryAsync(cancellationToken);
        }

        _wordUses.Clear();
    }

    /// <summary>
    /// The words of a row's folded text (forms joined by " | ") that the spelling list holds: the same whether taken
    /// from the forms as a row is written or from the row's columns as it is removed, so that the counts balance.
    /// </summary>
    public static IEnumerable<string> SpellingWords(string folded) =>
        folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= MinSpellingLength && !word.All(char.IsAsciiDigit));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(match => match.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
