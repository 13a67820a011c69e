using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads the content folder, checks it, and brings the store in line with it in one transaction.
/// A file with errors is refused and logged; whatever the store held for it stays, so one mistake never takes a page down.
/// </summary>
public sealed class ContentImporter(
    ContentFolder folder,
    IDbContextFactory<DiscoveryDbContext> dbFactory,
    TimeProvider clock,
    ILogger<ContentImporter> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string ContentRoot => folder.Root;

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<ImportReport> ImportAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var report = await ImportOnceAsync(cancellationToken);
            foreach (var error in report.Errors)
            {
                logger.LogWarning("Content error, file not imported: {ContentError}", error.ToString());
            }

            logger.LogInformation(
                "Content import from {ContentRoot}: {Articles} articles and {Entries} entries served, {Written} articles written, {Errors} errors, {Milliseconds} ms",
                folder.Root, report.Articles, report.Entries, report.ArticlesWritten, report.Errors.Count, report.Milliseconds);
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ImportReport> ImportOnceAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new List<ContentError>();

        var kindsFile = folder.ReadKinds();
        var catalogResult = kindsFile is null
            ? ParseResult<KindCatalog>.Failure([new(ContentFolder.KindsFileName, 1, 1,
                $"The content folder {folder.Root} has no {ContentFolder.KindsFileName}. Point Discovery:ContentPath at the folder that holds it.")])
            : KindCatalogParser.Parse(kindsFile.Path, kindsFile.Text);
        if (!catalogResult.Succeeded)
        {
            // Without the schema no article can be checked: keep serving everything as it is.
            return await ReportAsync(db, 0, catalogResult.Errors, stopwatch, null, cancellationToken);
        }

        var catalog = catalogResult.Value!;
        var parser = new ArticleParser(catalog);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var files = folder.ReadArticles();
        var hashes = files.ToDictionary(file => file.Path, file => Fingerprint(kindsFile!.Text, file.Text));

        var parsed = new List<ParsedArticle>();
        var refused = new HashSet<string>();
        foreach (var file in files)
        {
            var result = parser.Parse(file.Path, file.Text);
            if (result.Succeeded)
            {
                parsed.Add(result.Value!);
            }
            else
            {
                errors.AddRange(result.Errors);
                refused.Add(file.Path);
            }
        }

        var due = parsed.Where(article => IsDue(article, today)).ToList();
        var hidden = parsed.Where(article => !IsDue(article, today)).ToList();
        var stored = await LoadStoredAsync(db, cancellationToken);
        var (accepted, crossErrors) = new CrossArticleChecker(catalog).Check(due, hidden, stored, refused);
        errors.AddRange(crossErrors);
        refused.UnionWith(crossErrors.Select(error => error.File));
        errors.AddRange(CheckAsIfPublished(catalog, accepted, hidden, stored, refused));

        var acceptedFiles = accepted.Select(article => article.File).ToHashSet();
        var toWrite = accepted.Where(article => !stored.TryGetValue(article.File, out var old) || old.Hash != hashes[article.File]).ToList();
        var toRemove = stored.Keys.Where(file => !refused.Contains(file) && (!acceptedFiles.Contains(file) || toWrite.Any(a => a.File == file))).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await ReplaceKindsAsync(db, catalog, cancellationToken);
            await RemoveArticlesAsync(db, toRemove, cancellationToken);
            foreach (var article in toWrite)
            {
                await AddArticleAsync(db, article, catalog.Find(article.Kind)!, hashes[article.File], cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var next = hidden.Where(article => !article.Draft).Select(article => (DateOnly?)article.Published).Min();
        return await ReportAsync(db, toWrite.Count, errors, stopwatch, next, cancellationToken);
    }

    /// <summary>
    /// Drafts and scheduled articles are checked as if they were out today, so that an editor learns of a broken link
    /// or a taken address while writing, not on publication day. They are not shown either way.
    /// </summary>
    private static IEnumerable<ContentError> CheckAsIfPublished(
        KindCatalog catalog, List<ParsedArticle> accepted, List<ParsedArticle> hidden, Dictionary<string, StoredArticle> stored, HashSet<string> refused)
    {
        if (hidden.Count == 0)
        {
            return [];
        }

        var hiddenFiles = hidden.Select(article => article.File).ToHashSet();
        var (_, errors) = new CrossArticleChecker(catalog).Check([.. accepted, .. hidden], [], stored, refused);
        return errors.Where(error => hiddenFiles.Contains(error.File))
            .Select(error => error with { Message = $"Not yet published, but will be refused on its day: {error.Message}" });
    }

    private static bool IsDue(ParsedArticle article, DateOnly today) => !article.Draft && article.Published <= today;

    private static async Task<ImportReport> ReportAsync(
        DiscoveryDbContext db, int written, IReadOnlyList<ContentError> errors, Stopwatch stopwatch, DateOnly? next, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.CountAsync(cancellationToken);
        var entries = await db.Entries.CountAsync(cancellationToken);
        return new ImportReport(articles, entries, written, errors, stopwatch.ElapsedMilliseconds, next);
    }

    private static async Task<Dictionary<string, StoredArticle>> LoadStoredAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.AsNoTracking()
            .Select(article => new { article.Id, article.SourceFile, article.Slug, article.ContentHash })
            .ToListAsync(cancellationToken);
        var entryPaths = await db.Entries.AsNoTracking()
            .Select(entry => new { entry.ArticleId, Path = "/" + entry.KindKey + "/" + entry.Slug })
            .ToListAsync(cancellationToken);
        var aliasPaths = await db.EntryAliases.AsNoTracking()
            .Select(alias => new { alias.Entry.ArticleId, Path = "/" + alias.KindKey + "/" + alias.Slug })
            .ToListAsync(cancellationToken);
        var countries = await db.EntryCountries.AsNoTracking()
            .Select(country => new { country.Entry.ArticleId, country.CountrySlug })
            .ToListAsync(cancellationToken);
        var pathsByArticle = entryPaths.Concat(aliasPaths).ToLookup(row => row.ArticleId, row => row.Path);
        var countriesByArticle = countries.ToLookup(row => row.ArticleId, row => row.CountrySlug);
        return articles.ToDictionary(
            article => article.SourceFile,
            article => new StoredArticle(article.SourceFile, article.Slug, article.ContentHash,
                pathsByArticle[article.Id].ToList(), countriesByArticle[article.Id].Distinct().ToList()));
    }

    private static async Task ReplaceKindsAsync(DiscoveryDbContext db, KindCatalog catalog, CancellationToken cancellationToken)
    {
        // A kind dropped from kinds.yml stays while a refused article still has entries of it, so their pages keep working.
        var inUse = await db.Entries.Select(entry => entry.KindKey).Distinct().ToListAsync(cancellationToken);
        var declared = catalog.Kinds.Select(kind => kind.Key).ToList();
        await db.Kinds.Where(kind => !declared.Contains(kind.Key) && !inUse.Contains(kind.Key)).ExecuteDeleteAsync(cancellationToken);
        await db.Kinds.Where(kind => declared.Contains(kind.Key)).ExecuteDeleteAsync(cancellationToken);
        db.Kinds.AddRange(catalog.Kinds.Select((kind, position) => new Kind
        {
            Key = kind.Key,
            Singular = kind.Singular,
            Plural = kind.Plural,
            Colour = kind.Colour,
            Intro = kind.Intro,
            Position = position,
            HasCountry = kind.HasCountry,
            YearFactKey = kind.YearFact?.Key,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task RemoveArticlesAsync(DiscoveryDbContext db, List<string> files, CancellationToken cancellationToken)
    {
        var ids = await db.Articles.Where(article => files.Contains(article.SourceFile)).Select(article => article.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await SearchIndex.RemoveArticleAsync(db, id, cancellationToken);
        }

        await db.Articles.Where(article => ids.Contains(article.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task AddArticleAsync(DiscoveryDbContext db, ParsedArticle parsed, KindDefinition kind, string hash, CancellationToken cancellationToken)
    {
        var article = new Article
        {
            SourceFile = parsed.File,
            ContentHash = hash,
            Slug = parsed.Slug,
            Title = parsed.Title,
            KindKey = parsed.Kind,
            Published = parsed.Published,
            Summary = parsed.Summary,
            IntroHtml = parsed.IntroHtml,
            Aliases = parsed.Aliases.ToList(),
            Entries = parsed.Entries.Select(entry => ToEntity(entry, kind)).ToList(),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (entity, parsedEntry) in article.Entries.Zip(parsed.Entries))
        {
            await SearchIndex.AddEntryAsync(db, entity, parsedEntry.BodyText, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private static Entry ToEntity(ParsedEntry entry, KindDefinition kind)
    {
        var yearFact = kind.YearFact;
        var yearValue = entry.Facts.FirstOrDefault(fact => fact.Definition == yearFact)?.Values[0];
        return new Entry
        {
            KindKey = kind.Key,
            Slug = entry.Slug,
            Name = entry.Name,
            Rank = entry.Rank,
            BodyHtml = entry.BodyHtml,
            Year = yearValue is null ? null : FactValueParser.ReadYear(yearValue),
            YearLabel = yearValue,
            City = entry.Facts.FirstOrDefault(fact => fact.Definition.Type == FactType.Text && fact.Definition.Key == "City")?.Values[0],
            Facts = entry.Facts.Select((fact, position) => new EntryFact
            {
                Position = position,
                Key = fact.Definition.Key,
                Type = fact.Definition.Type,
                Values = fact.Values.ToList(),
            }).ToList(),
            Countries = entry.Facts
                .Where(fact => fact.Definition.Type is FactType.Country or FactType.Countries)
                .SelectMany(fact => fact.Values)
                .Select(name => KnownCountries.Find(name)!)
                .DistinctBy(country => country.Slug)
                .Select((country, position) => new EntryCountry { CountrySlug = country.Slug, CountryName = country.Name, Position = position })
                .ToList(),
            Aliases = entry.Aliases.Distinct().Select(alias => new EntryAlias { KindKey = kind.Key, Slug = alias }).ToList(),
            Links = entry.LinkedPaths.Select(path => new EntryLink { TargetPath = path }).ToList(),
        };
    }

    /// <summary>An article is imported again when its text or the kinds it was checked against change.</summary>
    private static string Fingerprint(string kindsText, string articleText) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kindsText + "\0" + articleText)));
}
