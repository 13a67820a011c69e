using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests;

/// <summary>
/// The real importer over a copy of a content folder (the frozen fixture unless told otherwise) and a real SQLite file
/// in a temp folder:
/// a test edits files, imports, and reads the store like the pages do.
/// </summary>
public sealed class ImportHarness : IDbContextFactory<DiscoveryDbContext>, IDisposable
{
    private readonly DbContextOptions<DiscoveryDbContext> _options;

    // inPlace: import contentSource itself rather than a copy (a git checkout, whose history counts).
    public ImportHarness(
        string? contentSource = null, DateTimeOffset? now = null, ILogger<ContentImporter>? logger = null, IsolatedArticleParser? parser = null,
        bool inPlace = false)
        : this(inPlace && contentSource is not null ? contentSource : TempFolder.CopyOf(contentSource ?? FrozenContent.Path),
            Path.Combine(TempFolder.Create("db"), "discovery.db"), now, logger, parser)
    {
    }

    private ImportHarness(string contentPath, string databasePath, DateTimeOffset? now, ILogger<ContentImporter>? logger, IsolatedArticleParser? parser)
    {
        ContentPath = contentPath;
        DatabasePath = databasePath;
        // A query whose row is not determined could make two stores differ (found by sweep 8): a test that meets one fails.
        _options = new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={DatabasePath}")
            .ConfigureWarnings(warnings => warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)).Options;
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        logger ??= NullLogger<ContentImporter>.Instance;
        Importer = new ContentImporter(new ContentFolder(ContentPath), this, Clock, logger, parser ?? new IsolatedArticleParser(logger));
        using var db = CreateDbContext();
        DiscoveryDatabase.EnsureReadyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }

    public string ContentPath { get; }

    public string DatabasePath { get; }

    public FixedClock Clock { get; }

    public ContentImporter Importer { get; }

    public DiscoveryDbContext CreateDbContext() => new(_options);

    /// <summary>The site's search engine over this store and this content folder's place names.</summary>
    public SiteSearch Search(DiscoveryDbContext db) => new(db, new PlaceNames(new ContentFolder(ContentPath), NullLogger<PlaceNames>.Instance), new SearchCatalogCache());

    /// <summary>A new process on the same content folder and store: nothing kept in memory, all in the store.</summary>
    public ImportHarness Restarted(IsolatedArticleParser? parser = null) => new(ContentPath, DatabasePath, Clock.Now, null, parser);

    public Task<ImportReport> ImportAsync() => Importer.ImportAsync(TestContext.Current.CancellationToken);

    public string ArticlePath(string fileName) => Path.Combine(ContentPath, ContentFolder.ArticlesFolderName, fileName);

    public void WriteArticle(string fileName, string text) => File.WriteAllText(ArticlePath(fileName), text);

    public void Edit(string fileName, string find, string replace)
    {
        var text = File.ReadAllText(ArticlePath(fileName));
        Assert.Contains(find, text);
        File.WriteAllText(ArticlePath(fileName), text.Replace(find, replace, StringComparison.Ordinal));
    }

    public async Task<Entry?> FindEntryAsync(string kind, string slug)
    {
        await using var db = CreateDbContext();
        return await db.Entries.AsNoTracking().Include(entry => entry.Facts).Include(entry => entry.Countries).Include(entry => entry.Aliases)
            .AsSplitQuery()
            .FirstOrDefaultAsync(entry => entry.KindKey == kind && entry.Slug == slug, TestContext.Current.CancellationToken);
    }

    public void Dispose() => Importer.Dispose();
}
