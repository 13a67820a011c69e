using System.Data.Common;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Pictures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Writes articles into the store, each as its row, its entries' rows (facts, countries, artists, aliases, links,
/// pictures), its kept parse and its search rows, and hashes those rows as it goes (<see cref="RowsHash"/>). A
/// <see cref="Hasher"/> only hashes: it tells what this build would write for an article without writing it.
/// </summary>
public sealed class ArticleRows : IAsyncDisposable
{
    private readonly RowWriter _articles;
    private readonly RowWriter _entries;
    private readonly RowWriter _facts;
    private readonly RowWriter _countries;
    private readonly RowWriter _factValues;
    private readonly RowWriter _artists;
    private readonly RowWriter _aliases;
    private readonly RowWriter _links;
    private readonly RowWriter _pictures;
    private readonly RowWriter _keptParses;
    private readonly SearchRowWriter _search;
    private readonly DbCommand? _recordHash;
    private readonly RowsHash _hash = new();
    private int _nextArticleId, _nextEntryId, _nextFactId, _nextAliasId, _nextLinkId, _nextPictureId;

    private ArticleRows(DiscoveryDbContext db, bool write)
    {
        _articles = RowWriter.For<Article>(db, write);
        _entries = RowWriter.For<Entry>(db, write);
        _facts = RowWriter.For<EntryFact>(db, write);
        _countries = RowWriter.For<EntryCountry>(db, write);
        _factValues = RowWriter.For<EntryFactValue>(db, write);
        _artists = RowWriter.For<EntryArtist>(db, write);
        _aliases = RowWriter.For<EntryAlias>(db, write);
        _links = RowWriter.For<EntryLink>(db, write);
        _pictures = RowWriter.For<Picture>(db, write);
        _keptParses = RowWriter.For<KeptParse>(db, write);
        _search = SearchIndex.Writer(db, write);
        if (write)
        {
            // The hash is known once every row is in, after the article's own row (which the others point to).
            _recordHash = db.Database.GetDbConnection().CreateCommand();
            _recordHash.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            _recordHash.CommandText = "UPDATE Articles SET RowsHash = $hash WHERE Id = $id";
            foreach (var name in new[] { "$hash", "$id" })
            {
                var parameter = _recordHash.CreateParameter();
                parameter.ParameterName = name;
                _recordHash.Parameters.Add(parameter);
            }
        }
    }

    /// <summary>A writer into the store's current transaction; keys are given here, since that transaction is the only writer.</summary>
    public static async Task<ArticleRows> WriterAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var rows = new ArticleRows(db, write: true)
        {
            _nextArticleId = await NextIdAsync(db.Articles.Select(article => (int?)article.Id), cancellationToken),
            _nextEntryId = await NextIdAsync(db.Entries.Select(entry => (int?)entry.Id), cancellationToken),
            _nextFactId = await NextIdAsync(db.EntryFacts.Select(fact => (int?)fact.Id), cancellationToken),
            _nextAliasId = await NextIdAsync(db.EntryAliases.Select(alias => (int?)alias.Id), cancellationToken),
            _nextLinkId = await NextIdAsync(db.EntryLinks.Select(link => (int?)link.Id), cancellationToken),
            _nextPictureId = await NextIdAsync(db.Pictures.Select(picture => (int?)picture.Id), cancellationToken),
        };
        return rows;
    }

    /// <summary>One that writes nothing and only tells each article's <see cref="RowsHash"/>.</summary>
    public static ArticleRows Hasher(DiscoveryDbContext db) => new(db, write: false) { _nextArticleId = 1 };

    /// <summary>Writes the article's rows (a hasher writes nothing) and returns their hash.</summary>
    public async Task<string> AddAsync(ParsedFile file, KindDefinition kind, IReadOnlyDictionary<string, CheckedPicture> pictures, CancellationToken cancellationToken)
    {
        var parsed = file.Article!;
        var article = ContentEntities.Article(parsed, kind, file.Fingerprint);
        article.Id = _nextArticleId++;
        await _articles.InsertAsync(article, cancellationToken, _hash);
        await _keptParses.InsertAsync(
            new KeptParse { ArticleId = article.Id, Fingerprint = file.TextFingerprint, ParsedBy = KeptParseJson.Build, Json = KeptParseJson.Write(parsed.WithoutText()) },
            cancellationToken);
        if (ContentEntities.Picture(parsed.Picture, pictures) is { } articlePicture)
        {
            (articlePicture.Id, articlePicture.ArticleId) = (_nextPictureId++, article.Id);
            await _pictures.InsertAsync(articlePicture, cancellationToken, _hash);
        }

        foreach (var (entry, parsedEntry) in article.Entries.Zip(parsed.Entries))
        {
            entry.Id = _nextEntryId++;
            entry.ArticleId = article.Id;
            await _entries.InsertAsync(entry, cancellationToken, _hash);
            foreach (var fact in entry.Facts)
            {
                (fact.Id, fact.EntryId) = (_nextFactId++, entry.Id);
                await _facts.InsertAsync(fact, cancellationToken, _hash);
            }

            foreach (var country in entry.Countries)
            {
                country.EntryId = entry.Id;
                await _countries.InsertAsync(country, cancellationToken, _hash);
            }

            foreach (var value in entry.FactValues)
            {
                value.EntryId = entry.Id;
                await _factValues.InsertAsync(value, cancellationToken, _hash);
            }

            foreach (var artist in entry.Artists)
            {
                artist.EntryId = entry.Id;
                await _artists.InsertAsync(artist, cancellationToken, _hash);
            }

            foreach (var alias in entry.Aliases)
            {
                (alias.Id, alias.EntryId) = (_nextAliasId++, entry.Id);
                await _aliases.InsertAsync(alias, cancellationToken, _hash);
            }

            foreach (var link in entry.Links)
            {
                (link.Id, link.EntryId) = (_nextLinkId++, entry.Id);
                await _links.InsertAsync(link, cancellationToken, _hash);
            }

            if (ContentEntities.Picture(parsedEntry.Picture, pictures) is { } entryPicture)
            {
                (entryPicture.Id, entryPicture.EntryId) = (_nextPictureId++, entry.Id);
                await _pictures.InsertAsync(entryPicture, cancellationToken, _hash);
            }

            await _search.InsertAsync(article, entry, parsedEntry.BodyText, cancellationToken, _hash);
        }

        var rowsHash = _hash.Finish();
        if (_recordHash is not null)
        {
            (_recordHash.Parameters[0].Value, _recordHash.Parameters[1].Value) = (rowsHash, article.Id);
            await _recordHash.ExecuteNonQueryAsync(cancellationToken);
        }

        return rowsHash;
    }

    /// <summary>
    /// Brings up to date what the store holds of an article left as it was (its rows are what this build would write for
    /// <paramref name="file"/>): the fingerprint it was written for, and the parse kept for the next start.
    /// </summary>
    public static async Task KeepAsync(DiscoveryDbContext db, int articleId, ParsedFile file, CancellationToken cancellationToken)
    {
        var json = KeptParseJson.Write(file.Article!.WithoutText());
        await db.Database.ExecuteSqlAsync($"UPDATE Articles SET ContentHash = {file.Fingerprint} WHERE Id = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT OR REPLACE INTO KeptParses (ArticleId, Fingerprint, ParsedBy, Json) VALUES ({articleId}, {file.TextFingerprint}, {KeptParseJson.Build}, {json})",
            cancellationToken);
    }

    /// <summary>Writes the spelling list's counts of the search rows added.</summary>
    public Task FinishAsync(CancellationToken cancellationToken) => _search.FinishAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in new[] { _articles, _entries, _facts, _countries, _factValues, _artists, _aliases, _links, _pictures, _keptParses })
        {
            await writer.DisposeAsync();
        }

        await _search.DisposeAsync();
        if (_recordHash is not null)
        {
            await _recordHash.DisposeAsync();
        }
    }

    private static async Task<int> NextIdAsync(IQueryable<int?> ids, CancellationToken cancellationToken) =>
        (await ids.MaxAsync(cancellationToken) ?? 0) + 1;
}
