using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The one writer of the store: applies an <see cref="ImportPlan"/> in a single transaction, so a reader never sees
/// half an import and a failure leaves the last good store as it was. Also reads back what an import must know.
/// </summary>
public static class ContentStore
{
    /// <summary>What the store holds of each article, by file: enough to keep serving it and to check links against it.</summary>
    public static async Task<Dictionary<string, StoredArticle>> ReadArticlesAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .Select(article => new { article.Id, article.SourceFile, article.Slug, article.ContentHash, article.Aliases, article.Published, article.LinkPaths })
            .ToListAsync(cancellationToken);
        var entries = await db.Entries.AsNoTracking()
            .Select(entry => new { entry.Id, entry.ArticleId, entry.KindKey, entry.Slug, entry.Rank })
            .ToListAsync(cancellationToken);
        var aliases = (await db.EntryAliases.AsNoTracking()
            .Select(alias => new { alias.EntryId, alias.Slug })
            .ToListAsync(cancellationToken)).ToLookup(alias => alias.EntryId, alias => alias.Slug);
        var countries = await db.EntryCountries.AsNoTracking()
            .Select(country => new { country.Entry.ArticleId, country.CountrySlug })
            .ToListAsync(cancellationToken);
        var entriesByArticle = entries.ToLookup(row => row.ArticleId, row => new StoredEntry(row.KindKey, row.Slug, row.Rank, aliases[row.Id].ToList()));
        var countriesByArticle = countries.ToLookup(row => row.ArticleId, row => row.CountrySlug);
        return articles.ToDictionary(
            article => article.SourceFile,
            article => new StoredArticle(article.SourceFile, article.Slug, article.ContentHash,
                entriesByArticle[article.Id].ToList(), countriesByArticle[article.Id].Distinct().ToList(), article.Aliases, article.Published, article.LinkPaths),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The parses this build kept of the stored articles (see <see cref="KeptParse"/>), as the parser would give them
    /// back: each under its file's fingerprint, without HTML and text.
    /// </summary>
    public static async Task<List<ParsedFile>> ReadKeptParsesAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.KeptParses.AsNoTracking().Where(kept => kept.ParsedBy == KeptParseJson.Build)
            .Select(kept => new { kept.Article.SourceFile, kept.Fingerprint, kept.Json })
            .ToListAsync(cancellationToken);
        // Read on every core: a restart reads hundreds of them (7 MB at 10,000 entries) before the JIT has warmed up.
        return rows.AsParallel().Select(row => (row, Article: KeptParseJson.Read(row.Json)))
            .Where(kept => kept.Article is { TextDropped: true } article && article.File == kept.row.SourceFile)
            .Select(kept => new ParsedFile(kept.row.SourceFile, kept.row.Fingerprint, kept.Article, []))
            .ToList();
    }

    public static Task<StoreInfo?> ReadInfoAsync(DiscoveryDbContext db, CancellationToken cancellationToken) =>
        db.StoreInfo.AsNoTracking().OrderBy(info => info.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The pictures whose renditions the site serves, by hash.</summary>
    public static async Task<List<string>> ReadRenditionHashesAsync(DiscoveryDbContext db, CancellationToken cancellationToken) =>
        await db.PictureSources.Select(source => source.Hash).ToListAsync(cancellationToken);

    /// <summary>
    /// Records where each good picture's renditions are made from, before the import's transaction: they are named by
    /// the picture's hash, so they mean the same whatever the import decides, and are dropped once nothing names or
    /// shows them. Nothing is encoded here: a rendition is made when it is first asked for.
    /// </summary>
    /// <param name="db">The store.</param>
    /// <param name="pictures">The good pictures of the content folder, by name.</param>
    /// <param name="fromHistory">Pictures last good versions from the history show, by the name they had then: their
    /// renditions are made from the history's copy where the file holds other bytes now.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    public static async Task RecordPictureSourcesAsync(
        DiscoveryDbContext db, IReadOnlyDictionary<string, CheckedPicture> pictures, IReadOnlyList<(string File, CheckedPicture Picture)> fromHistory,
        CancellationToken cancellationToken)
    {
        var stored = await db.PictureSources.ToDictionaryAsync(source => source.Hash, StringComparer.Ordinal, cancellationToken);
        // Two names of the same bytes share their renditions: the first name is where they are made from.
        var named = pictures.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (File: pair.Key, Picture: pair.Value));
        foreach (var (file, picture) in named.Concat(fromHistory).DistinctBy(pair => pair.Picture.Hash))
        {
            if (!stored.TryGetValue(picture.Hash, out var source))
            {
                db.PictureSources.Add(stored[picture.Hash] = new PictureSource
                {
                    Hash = picture.Hash,
                    File = file,
                    Width = picture.Width,
                    Height = picture.Height,
                    GitBlob = picture.GitBlob,
                });
                continue;
            }

            // The file it was made from now holds other bytes, or is gone: made from one that holds them, if any does.
            if (!HoldsIt(source.File) && HoldsIt(file))
            {
                source.File = file;
            }

            source.GitBlob ??= picture.GitBlob;

            bool HoldsIt(string name) => pictures.TryGetValue(name, out var held) && held.Hash == picture.Hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <param name="db">The store.</param>
    /// <param name="plan">What to change.</param>
    /// <param name="pictures">Every good picture the files name, by file name.</param>
    /// <param name="kindsText">kinds.yml as read, kept so that a later unreadable one falls back to it.</param>
    /// <param name="placeNames">places.yml's names as the search reads them: part of the content version, not stored.</param>
    /// <param name="now">When the import ran.</param>
    /// <param name="cancellationToken">Stops the import; the transaction is then rolled back.</param>
    /// <param name="removals">removed.yml as read, or null when it could not be read (its last good records stay).</param>
    /// <param name="rehearsal">True to write everything and roll it back (see <see cref="ContentImporter.RehearseAsync"/>).</param>
    /// <returns>
    /// The articles the store refused to take (a constraint the evaluation should have caught first): then nothing is
    /// written, and the importer plans again with those files refused, so that one such file never stops the others.
    /// Empty when the plan was written; the store's content version is then the one it now holds. With them, how many
    /// of the articles to write were left as they were, since this build would have written the same rows.
    /// </returns>
    public static async Task<(IReadOnlyList<ContentError> Refused, string? ContentVersion, int LeftAlike)> ApplyAsync(
        DiscoveryDbContext db, ImportPlan plan, IReadOnlyDictionary<string, CheckedPicture> pictures, string kindsText, string placeNames,
        RemovalsSource? removals, DateTimeOffset now, bool rehearsal, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(db, plan, pictures, kindsText, placeNames, removals, now, rehearsal, isolateArticles: false, cancellationToken);
        }
        catch (SqliteException exception) when (IsConstraint(exception))
        {
            // Rolled back. Written again with each article in a savepoint of its own, to learn which the store refuses;
            // savepoints are not free (a fresh store writes hundreds of articles), so only when one was refused.
            db.ChangeTracker.Clear();
            return await WriteAsync(db, plan, pictures, kindsText, placeNames, removals, now, rehearsal, isolateArticles: true, cancellationToken);
        }
    }

    private static bool IsConstraint(SqliteException exception) => exception.SqliteErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT;

    private static async Task<(IReadOnlyList<ContentError> Refused, string? ContentVersion, int LeftAlike)> WriteAsync(
        DiscoveryDbContext db, ImportPlan plan, IReadOnlyDictionary<string, CheckedPicture> pictures, string kindsText, string placeNames,
        RemovalsSource? removals, DateTimeOffset now, bool rehearsal, bool isolateArticles, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UpsertKindsAsync(db, plan.Kinds, pictures, cancellationToken);
        // A rehearsal writes for real: it exists to run the write path before an editor's first save does.
        var (write, remove) = rehearsal ? (plan.Write, plan.Remove) : await LeaveUnchangedRowsAsync(db, plan, pictures, kindsText, cancellationToken);
        await RemoveArticlesAsync(db, remove, cancellationToken);
        await YieldAddressesAsync(db, plan.Yielded, cancellationToken);
        var refused = await AddArticlesAsync(db, isolateArticles ? transaction : null, plan.Kinds, write, pictures, cancellationToken);
        if (refused.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (refused, null, 0);
        }

        await RemoveUnusedKindsAsync(db, plan.Kinds, cancellationToken);
        await RemoveUnusedPictureSourcesAsync(db, pictures, cancellationToken);
        await RecordFormerAddressesAsync(db, plan, now, cancellationToken);
        if (removals is not null)
        {
            await WriteRemovalRecordsAsync(db, removals, now, cancellationToken);
        }

        await db.StoreInfo.ExecuteUpdateAsync(
            set => set.SetProperty(info => info.KindsText, kindsText).SetProperty(info => info.LastImport, now)
                .SetProperty(info => info.WrittenBy, KeptParseJson.Build), cancellationToken);
        var version = await ContentVersionAsync(db, kindsText, placeNames, cancellationToken);
        await db.StoreInfo.Where(info => info.ContentVersion != version).ExecuteUpdateAsync(
            set => set.SetProperty(info => info.ContentVersion, version).SetProperty(info => info.ContentChangedAt, now), cancellationToken);
        if (rehearsal)
        {
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return ([], rehearsal ? null : version, plan.Write.Count - write.Count);
    }

    // A hash, not a time: two instances that imported the same files must give browsers the same ETags.
    private static async Task<string> ContentVersionAsync(DiscoveryDbContext db, string kindsText, string placeNames, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.OrderBy(article => article.SourceFile).Select(article => article.SourceFile + " " + article.ContentHash).ToListAsync(cancellationToken);
        var removals = await db.FormerAddresses.Where(former => former.FromContent).OrderBy(former => former.Path)
            .Select(former => former.Path + " " + former.Reason).ToListAsync(cancellationToken);
        // kinds.yml names each kind's picture by its file, not its bytes: one saved again under the same name changes the
        // kind's page (its renditions' addresses hold the new hash), so it is another version (found by sweep 7).
        var kindPictures = await db.Pictures.Where(picture => picture.KindKey != null).OrderBy(picture => picture.KindKey)
            .Select(picture => picture.KindKey + " " + picture.Hash).ToListAsync(cancellationToken);
        var text = kindsText + "\n" + string.Join("\n", articles) + "\n" + string.Join("\n", removals) + "\n" + placeNames
            + "\n" + string.Join("\n", kindPictures);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    private static async Task UpsertKindsAsync(
        DiscoveryDbContext db, KindCatalog catalog, IReadOnlyDictionary<string, CheckedPicture> pictures, CancellationToken cancellationToken)
    {
        var existing = await db.Kinds.Include(kind => kind.Picture).ToDictionaryAsync(kind => kind.Key, cancellationToken);
        foreach (var (definition, position) in catalog.Kinds.Select((kind, position) => (kind, position)))
        {
            if (!existing.TryGetValue(definition.Key, out var kind))
            {
                kind = new Kind { Key = definition.Key, Singular = "", Plural = "", Colour = "", Intro = "" };
                db.Kinds.Add(kind);
            }

            kind.Singular = definition.Singular;
            kind.Plural = definition.Plural;
            kind.Colour = definition.Colour;
            kind.Intro = definition.Intro;
            kind.Position = position;
            kind.HasCountry = definition.HasCountry;
            kind.YearFactKey = definition.YearFact?.Key;
            kind.Facts = definition.Facts.ToList();
            kind.Members = definition.Members;
            kind.ArtistType = definition.ArtistType;
            // A picture this import could not check (the catalogue is the last good one) stays as it was.
            var picture = definition.Picture is null || pictures.ContainsKey(definition.Picture.File) ? ContentEntities.Picture(definition.Picture, pictures) : kind.Picture;
            if ((picture?.Hash, picture?.Alt, picture?.Credit) != (kind.Picture?.Hash, kind.Picture?.Alt, kind.Picture?.Credit))
            {
                kind.Picture = picture;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // A kind's replaced picture is let go rather than deleted by EF (the link is optional): drop it here.
        await db.Pictures.Where(picture => picture.EntryId == null && picture.ArticleId == null && picture.KindKey == null).ExecuteDeleteAsync(cancellationToken);
    }

    // A picture's renditions are served while a stored page shows it or a file names it (a draft's, for the preview).
    private static async Task RemoveUnusedPictureSourcesAsync(DiscoveryDbContext db, IReadOnlyDictionary<string, CheckedPicture> named, CancellationToken cancellationToken)
    {
        var namedHashes = named.Values.Select(picture => picture.Hash).Distinct().ToList();
        await db.PictureSources
            .Where(source => !namedHashes.Contains(source.Hash) && !db.Pictures.Any(picture => picture.Hash == source.Hash))
            .ExecuteDeleteAsync(cancellationToken);
    }

    // A kind dropped from kinds.yml stays while a refused article still has entries of it, so their pages keep working.
    private static async Task RemoveUnusedKindsAsync(DiscoveryDbContext db, KindCatalog catalog, CancellationToken cancellationToken)
    {
        var declared = catalog.Kinds.Select(kind => kind.Key).ToList();
        await db.Kinds
            .Where(kind => !declared.Contains(kind.Key) && !kind.Entries.Any() && !db.Articles.Any(article => article.KindKey == kind.Key))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>What the store alone remembers of addresses that no longer show a page: path → where it redirects (null: gone).</summary>
    public static Task<Dictionary<string, string?>> ReadFormerAddressesAsync(DiscoveryDbContext db, CancellationToken cancellationToken) =>
        db.FormerAddresses.AsNoTracking().Where(former => !former.FromContent)
            .ToDictionaryAsync(former => former.Path, former => former.MovedTo, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// The removal records of content/removed.yml replace whatever the store held for their addresses: the content
    /// says how they answer, alike on every instance. Records dropped from the file are dropped from the store.
    /// </summary>
    private static async Task WriteRemovalRecordsAsync(DiscoveryDbContext db, RemovalsSource removals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var paths = removals.Records.Select(record => record.Path).ToList();
        await db.FormerAddresses.Where(former => former.FromContent || paths.Contains(former.Path)).ExecuteDeleteAsync(cancellationToken);
        db.FormerAddresses.AddRange(removals.Records.Select(record => new FormerAddress
        {
            Path = record.Path,
            MovedTo = null,
            Since = now,
            FromContent = true,
            Reason = record.Reason,
        }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task RecordFormerAddressesAsync(DiscoveryDbContext db, ImportPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An address that shows a page again is no longer former.
        // Matched here, not in SQL: a fresh store writes every address (tens of thousands at 10,000 entries), and a list
        // that long sent to SQLite took half a second of a cold start; the store's former addresses are few.
        var claimed = plan.Write.SelectMany(file => file.Article!.EntryPaths.Concat(file.Article.Paths)).ToHashSet(StringComparer.Ordinal);
        var formerPaths = await db.FormerAddresses.Select(former => former.Path).ToListAsync(cancellationToken);
        var shownAgain = formerPaths.Where(claimed.Contains).ToList();
        if (shownAgain.Count > 0)
        {
            await db.FormerAddresses.Where(former => shownAgain.Contains(former.Path)).ExecuteDeleteAsync(cancellationToken);
        }

        // The store's own memory never overrides what the content records.
        var recorded = await db.FormerAddresses.Where(former => former.FromContent).Select(former => former.Path).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        foreach (var change in plan.AddressChanges.Where(change => !recorded.Contains(change.Path)))
        {
            // Follow-on moves collapse into one hop: A → B then B → C leaves A → C, and A → B then B gone leaves A gone.
            await db.FormerAddresses.Where(former => former.MovedTo == change.Path && !former.FromContent)
                .ExecuteUpdateAsync(set => set.SetProperty(former => former.MovedTo, change.MovedTo), cancellationToken);
            await db.FormerAddresses.Where(former => former.Path == change.Path).ExecuteDeleteAsync(cancellationToken);
            db.FormerAddresses.Add(new FormerAddress { Path = change.Path, MovedTo = change.MovedTo, Since = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The plan without the files it writes again whose rows this build would write exactly as the store holds them (a
    /// deploy of a build that makes the same of them, a kinds.yml change that leaves them as they were): those stay in
    /// place, with their fingerprint and kept parse brought up to date. Writing every article again after a deploy took
    /// about 6 s at 10,000 entries, while an edit saved then waited; hashing them takes a fraction of that.
    /// </summary>
    private static async Task<(IReadOnlyList<ParsedFile> Write, IReadOnlyList<string> Remove)> LeaveUnchangedRowsAsync(
        DiscoveryDbContext db, ImportPlan plan, IReadOnlyDictionary<string, CheckedPicture> pictures, string kindsText, CancellationToken cancellationToken)
    {
        var removed = plan.Remove.ToHashSet(StringComparer.Ordinal);
        var rewritten = plan.Write.Select(file => file.File).Where(removed.Contains).ToList();
        if (rewritten.Count == 0)
        {
            return (plan.Write, plan.Remove);
        }

        var stored = (await db.KeptParses.AsNoTracking().Where(kept => kept.Article.RowsHash != null && rewritten.Contains(kept.Article.SourceFile))
            .Select(kept => new { kept.Article.Id, kept.Article.SourceFile, kept.Article.RowsHash, TextFingerprint = kept.Fingerprint })
            .ToListAsync(cancellationToken))
            .ToDictionary(article => article.SourceFile, StringComparer.Ordinal);
        // Only an article whose text is the one the store holds can come out alike: one an editor changed is written
        // without being hashed first (the hash cost an edit's import more than writing the article did, at 10,000
        // entries). Its text fingerprint also covers kinds.yml, so a kinds.yml change lets every article be hashed.
        var kindsChanged = await db.StoreInfo.OrderBy(info => info.Id).Select(info => info.KindsText).FirstOrDefaultAsync(cancellationToken) != kindsText;
        var candidates = plan.Write
            .Where(file => stored.TryGetValue(file.File, out var held) && (kindsChanged || held.TextFingerprint == file.TextFingerprint)).ToList();
        if (candidates.Count == 0)
        {
            return (plan.Write, plan.Remove);
        }

        // Hashed on every core: after a deploy that is every article, and the hash costs most of what writing them did.
        var workers = Math.Clamp(candidates.Count / 16, 1, Environment.ProcessorCount);
        var hashers = Enumerable.Range(0, workers).Select(_ => ArticleRows.Hasher(db)).ToList();
        var hashes = new string[candidates.Count];
        try
        {
            await Parallel.ForAsync(0, workers, cancellationToken, async (worker, token) =>
            {
                for (var index = worker; index < candidates.Count; index += workers)
                {
                    hashes[index] = await hashers[worker].AddAsync(candidates[index], plan.Kinds.Find(candidates[index].Article!.Kind)!, candidates[index].PicturesThen ?? pictures, token);
                }
            });
        }
        finally
        {
            foreach (var hasher in hashers)
            {
                await hasher.DisposeAsync();
            }
        }

        var unchanged = candidates.Select((file, index) => (File: file, stored[file.File].Id, Alike: hashes[index] == stored[file.File].RowsHash))
            .Where(candidate => candidate.Alike).Select(candidate => (candidate.File, candidate.Id)).ToList();
        foreach (var (file, id) in unchanged)
        {
            await ArticleRows.KeepAsync(db, id, file, cancellationToken);
        }

        var left = unchanged.Select(pair => pair.File.File).ToHashSet(StringComparer.Ordinal);
        return (plan.Write.Where(file => !left.Contains(file.File)).ToList(), plan.Remove.Where(file => !left.Contains(file)).ToList());
    }

    private static async Task RemoveArticlesAsync(DiscoveryDbContext db, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return;
        }

        var ids = await db.Articles.Where(article => files.Contains(article.SourceFile)).Select(article => article.Id).ToListAsync(cancellationToken);
        await SearchIndex.RemoveArticlesAsync(db, ids, cancellationToken);
        await db.Articles.Where(article => ids.Contains(article.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Drops from refused files' last good versions the addresses they give up (see <see cref="ImportPlan.Yielded"/>):
    /// an entry that lives there goes with its rows, a former address (an entry's or the article's) loses only its redirect. The article's hash
    /// changes, so that the next import takes its file as changed and never takes its rows as alike.
    /// </summary>
    private static async Task YieldAddressesAsync(
        DiscoveryDbContext db, IReadOnlyDictionary<string, IReadOnlyList<string>> yielded, CancellationToken cancellationToken)
    {
        foreach (var (file, paths) in yielded)
        {
            var article = await db.Articles.Where(article => article.SourceFile == file).SingleOrDefaultAsync(cancellationToken);
            if (article is null)
            {
                continue;
            }

            var entries = await db.Entries.AsNoTracking().Where(entry => entry.ArticleId == article.Id)
                .Select(entry => new { entry.Id, entry.KindKey, entry.Slug }).ToListAsync(cancellationToken);
            var gone = entries.Where(entry => paths.Contains(SitePaths.Entry(entry.KindKey, entry.Slug))).Select(entry => entry.Id).ToHashSet();
            await SearchIndex.RemoveEntriesAsync(db, article.Id, gone, cancellationToken);
            await db.Entries.Where(entry => gone.Contains(entry.Id)).ExecuteDeleteAsync(cancellationToken);
            var aliases = await db.EntryAliases.AsNoTracking().Where(alias => alias.Entry.ArticleId == article.Id)
                .Select(alias => new { alias.Id, alias.KindKey, alias.Slug }).ToListAsync(cancellationToken);
            var formerGone = aliases.Where(alias => paths.Contains(SitePaths.Entry(alias.KindKey, alias.Slug))).Select(alias => alias.Id).ToList();
            await db.EntryAliases.Where(alias => formerGone.Contains(alias.Id)).ExecuteDeleteAsync(cancellationToken);
            article.Aliases = [.. article.Aliases.Where(alias => !paths.Contains(SitePaths.Article(alias)))];
            article.ContentHash = StoredArticle.YieldedHash(article.ContentHash);
            article.RowsHash = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // With a transaction to isolate them in, each article in a savepoint of its own: one the store refuses is rolled
    // back alone, and the others are still tried, so that every refused file is known after one pass.
    private static async Task<List<ContentError>> AddArticlesAsync(
        DiscoveryDbContext db, IDbContextTransaction? isolateIn, KindCatalog kinds, IReadOnlyList<ParsedFile> write,
        IReadOnlyDictionary<string, CheckedPicture> pictures, CancellationToken cancellationToken)
    {
        var refused = new List<ContentError>();
        if (write.Count == 0)
        {
            return refused;
        }

        await using var rows = await ArticleRows.WriterAsync(db, cancellationToken);
        foreach (var file in write)
        {
            var kind = kinds.Find(file.Article!.Kind)!;
            if (isolateIn is null)
            {
                await rows.AddAsync(file, kind, file.PicturesThen ?? pictures, cancellationToken);
                continue;
            }

            await isolateIn.CreateSavepointAsync(ArticleSavepoint, cancellationToken);
            try
            {
                await rows.AddAsync(file, kind, file.PicturesThen ?? pictures, cancellationToken);
                await isolateIn.ReleaseSavepointAsync(ArticleSavepoint, cancellationToken);
            }
            catch (SqliteException exception) when (IsConstraint(exception))
            {
                await isolateIn.RollbackToSavepointAsync(ArticleSavepoint, cancellationToken);
                refused.Add(StoreRefusal(file.File, exception));
            }
        }

        await rows.FinishAsync(cancellationToken);
        return refused;
    }

    private const string ArticleSavepoint = "article";

    private static ContentError StoreRefusal(string file, SqliteException exception) =>
        new(file, 1, 1, $"The store refused to take this article ({exception.Message.TrimEnd('.')}), so its last good version stays online. "
            + "The checks should have found this first: this is a bug in the site rather than in your file, so tell the developers. "
            + "Until it is fixed, changing the entry name or address the message names lets the article in.");
}
