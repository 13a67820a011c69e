#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
#:property PublishAot=false
// Prints what the search costs at 10,000 synthetic entries (generate-articles.py): the import's time with the search
// index and without it, the index's size and its share of the import, then p50/p99 of typo, prefix and three-word
// queries through the site's engine, uncached (each query text new). Not a test: speed is measured here, not asserted.
// Targets on a 2-core machine: p99 under 20 ms; the index adds at most 10 % to the import.
// Run: dotnet run -c Release tests/Benchmarks/search-10k.cs [articles] [entries]   (needs python3; Release: a Debug
// build runs without the JIT's optimisations and measures nothing a server does)
using System.Diagnostics;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
var articles = args.Length > 0 ? int.Parse(args[0]) : 500;
var entriesEach = args.Length > 1 ? int.Parse(args[1]) : 20;
var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
const string InertTables =
    "DROP TABLE SearchDocs; DROP TABLE SearchSpelling;"
    + "CREATE TABLE SearchDocs (Names, Artists, Places, Facts, Body, Type, Key, Title, Detail, ArticleId);"
    + "CREATE TRIGGER SearchDocsInert BEFORE INSERT ON SearchDocs BEGIN SELECT RAISE(IGNORE); END;"
    + "CREATE TABLE SearchSpelling (Word); CREATE TRIGGER SearchSpellingInert BEFORE INSERT ON SearchSpelling BEGIN SELECT RAISE(IGNORE); END;";
// "As before": the index the import wrote when the search issue was filed (one FTS5 row per entry: name, facts, prose),
// emulated by a trigger that hands each entry row of the inert table to a table of that old shape; its writer did no folding.
const string TablesAsBefore =
    "DROP TABLE SearchDocs; DROP TABLE SearchSpelling;"
    + "CREATE VIRTUAL TABLE EntrySearch USING fts5(Name, Facts, Body, EntryId UNINDEXED, ArticleId UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');"
    + "CREATE TABLE SearchDocs (Names, Artists, Places, Facts, Body, Type, Key, Title, Detail, ArticleId);"
    + "CREATE TRIGGER SearchDocsAsBefore BEFORE INSERT ON SearchDocs BEGIN "
    + "INSERT INTO EntrySearch SELECT NEW.Title, NEW.Detail, NEW.Body, NEW.Key, NEW.ArticleId WHERE NEW.Type = 'entry'; SELECT RAISE(IGNORE); END;"
    + "CREATE TABLE SearchSpelling (Word); CREATE TRIGGER SearchSpellingInert BEFORE INSERT ON SearchSpelling BEGIN SELECT RAISE(IGNORE); END;";
var work = Directory.CreateTempSubdirectory("search-10k-");
try
{
    var content = Path.Combine(work.FullName, "content");
    var generate = Process.Start("python3", [Path.Combine(root, "tests", "Benchmarks", "generate-articles.py"), content, "--articles", $"{articles}", "--entries", $"{entriesEach}"])!;
    await generate.WaitForExitAsync();
    File.Copy(Path.Combine(root, "content", PlaceNames.FileName), Path.Combine(content, PlaceNames.FileName));

    // "Without the index": the same import into a store whose search tables swallow every row (a trigger ignores
    // each insert), so SQLite does no index work; the writer's own folding still runs there and is timed apart
    // (the writer alone into such tables), then taken off.
    var warmUp = Path.Combine(work.FullName, "warm-up");
    await Process.Start("python3", [Path.Combine(root, "tests", "Benchmarks", "generate-articles.py"), warmUp, "--articles", "20", "--entries", $"{entriesEach}"])!.WaitForExitAsync();
    foreach (var mode in new[] { Tables.Index, Tables.Inert, Tables.AsBefore })
    {
        await ImportAsync(warmUp, mode);
    }

    var runs = new List<(Tables Mode, double Wall, double Cpu, Store Store)>();
    for (var round = 0; round < 2; round++)
    {
        foreach (var mode in new[] { Tables.Index, Tables.Inert, Tables.AsBefore })
        {
            runs.Add(await ImportAsync(content, mode));
        }
    }

    (double Wall, double Cpu) Best(Tables mode) => (runs.Where(run => run.Mode == mode).Min(run => run.Wall), runs.Where(run => run.Mode == mode).Min(run => run.Cpu));
    var with = Best(Tables.Index);
    var inert = Best(Tables.Inert);
    var asBefore = Best(Tables.AsBefore);
    var factory = runs.Last(run => run.Mode == Tables.Index).Store;
    double folding;
    await using (var db = factory.CreateDbContext())
    {
        folding = Math.Min(await WriteIndexAsync(db), await WriteIndexAsync(db));
        var (total, bytes) = await IndexBytesAsync(db, Path.Combine(work.FullName, "copy.db"));
        var entries = await db.Entries.CountAsync();
        var rows = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchDocs").SingleAsync();
        var words = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchSpelling").SingleAsync();
        var without = inert.Wall - folding;
        Console.WriteLine($"import of {entries:N0} entries ({articles} articles), best of 2, wall (CPU of both cores):");
        Console.WriteLine($"  with the search index     {with.Wall,7:N0} ms ({with.Cpu:N0} ms CPU)");
        Console.WriteLine($"  index tables inert        {inert.Wall,7:N0} ms ({inert.Cpu:N0} ms CPU); the writer's folding alone: {folding:N0} ms");
        var before = asBefore.Wall - folding;
        Console.WriteLine($"  without the index         {without,7:N0} ms  => the index adds {with.Wall - without:N0} ms, {(with.Wall - without) / without:P0}");
        Console.WriteLine($"  as before the search issue {before,6:N0} ms ({asBefore.Cpu - folding:N0} ms CPU; the old one-row-per-entry index, no folding)");
        Console.WriteLine($"  => the import takes {(with.Wall - before) / before:P0} longer than when the issue was filed, {(with.Cpu - (asBefore.Cpu - folding)) / (asBefore.Cpu - folding):P0} in CPU (target: at most 10 %)");
        Console.WriteLine($"index: {rows:N0} rows, {words:N0} spelling words, {bytes / 1048576.0:N1} MB of the store's {total / 1048576.0:N1} MB");
    }

    // Queries drawn from the names the generator wrote, different each time, so that no answer is a repeat.
    await using (var db = factory.CreateDbContext())
    {
        var names = await db.Entries.Select(entry => entry.Name).ToListAsync();
        var random = new Random(1);
        var words = names.SelectMany(SearchText.Words).Where(word => word.Length >= 6).Distinct().ToList();
        string Typo(string word)
        {
            var at = random.Next(1, word.Length - 2);
            return word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
        }

        var spellings = new SearchCatalogCache();
        var firstSpelling = Stopwatch.StartNew();
        var spelling = (await spellings.CurrentAsync(db, CancellationToken.None)).Spelling;
        Console.WriteLine($"search catalog in memory: {spelling.Count:N0} spelling words, kinds and counts, built in {firstSpelling.Elapsed.TotalMilliseconds:N1} ms at the first search after an import");
        var search = new SiteSearch(db, new PlaceNames(new ContentFolder(content), NullLogger<PlaceNames>.Instance), spellings);
        var cases = new (string Name, Func<string> Query)[]
        {
            ("typo (one word, two letters swapped)", () => Typo(words[random.Next(words.Count)])),
            ("prefix (first four letters)", () => words[random.Next(words.Count)][..4]),
            ("three words (a name's)", () => string.Join(' ', SearchText.Words(names[random.Next(names.Count)]).Take(3))),
            ("three words, the last mistyped", () => string.Join(' ', SearchText.Words(names[random.Next(names.Count)]).Take(2).Append(Typo(words[random.Next(words.Count)])))),
        };
        var places = new PlaceNames(new ContentFolder(content), NullLogger<PlaceNames>.Instance);
        Console.WriteLine($"{"query (300 each, uncached)",-34} {"p50 ms",8} {"p99 ms",8} {"results",8} | p50 of its parts: read query, FTS5 rows, count");
        foreach (var (name, query) in cases)
        {
            for (var warm = 0; warm < 20; warm++)
            {
                await search.SearchAsync(query(), 50, CancellationToken.None);
            }

            var (times, parse, match, count) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            var found = 0;
            for (var run = 0; run < 300; run++)
            {
                var text = query();
                var watch = Stopwatch.StartNew();
                var outcome = await search.SearchAsync(text, 50, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                found += outcome.Results.Count;

                // The same query again, part by part, to see where the time goes.
                watch.Restart();
                var read = SearchQuery.Parse(text, places.Current(), (await spellings.CurrentAsync(db, CancellationToken.None)).Spelling);
                parse.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await SearchIndex.MatchAsync(db, read.ToFts(anyWord: false), 200, CancellationToken.None);
                match.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await SearchIndex.CountAsync(db, read.ToFts(anyWord: false), CancellationToken.None);
                count.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"{name,-34} {Percentile(times, 0.5),8:N1} {Percentile(times, 0.99),8:N1} {found / 300.0,8:N1} | {Percentile(parse, 0.5):N1}, {Percentile(match, 0.5):N1}, {Percentile(count, 0.5):N1}");
        }

        // What the search did before (one FTS5 prefix query, no ranking of its own), for a ratio that holds on a busy machine.
        var plain = new List<double>();
        for (var run = 0; run < 300; run++)
        {
            var word = words[random.Next(words.Count)][..4];
            var watch = Stopwatch.StartNew();
            await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM SearchDocs WHERE SearchDocs MATCH {"\"" + word + "\"*"} ORDER BY bm25(SearchDocs) LIMIT 50").ToListAsync();
            plain.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{"reference: one plain FTS5 prefix",-34} {Percentile(plain, 0.5),8:N1} {Percentile(plain, 0.99),8:N1}");
    }

    Console.WriteLine($"load average before: {loadBefore}, after: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores; above 2, figures are slower than the machine)");
}
finally
{
    SqliteConnection.ClearAllPools();
    work.Delete(recursive: true);
}

static double Percentile(List<double> times, double share)
{
    var sorted = times.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * share))];
}

async Task<(Tables Mode, double Wall, double Cpu, Store Store)> ImportAsync(string folder, Tables mode)
{
    var store = new Store(new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={Path.Combine(work.FullName, $"{Guid.NewGuid():N}.db")}").Options);
    await using (var db = store.CreateDbContext())
    {
        await DiscoveryDatabase.EnsureReadyAsync(db, CancellationToken.None);
        if (mode != Tables.Index)
        {
            await db.Database.ExecuteSqlRawAsync(mode == Tables.Inert ? InertTables : TablesAsBefore);
        }
    }

    using var importer = new ContentImporter(new ContentFolder(folder), store, TimeProvider.System, NullLogger<ContentImporter>.Instance);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var report = await importer.ImportAsync(CancellationToken.None);
    var wall = clock.Elapsed.TotalMilliseconds;
    if (report.Errors.Count > 0)
    {
        throw new InvalidOperationException($"{report.Errors.Count} errors in the synthetic content, such as {report.Errors[0]}");
    }

    return (mode, wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, store);
}

// The writer alone, over every entry of the store, into tables that ignore its rows: the folding and statements the
// import does for the index besides SQLite's own work.
static async Task<double> WriteIndexAsync(DiscoveryDbContext db)
{
    var entries = await db.Entries.AsNoTracking().Include(entry => entry.Facts).Include(entry => entry.Artists).Include(entry => entry.Aliases)
        .AsSplitQuery().OrderBy(entry => entry.ArticleId).ThenBy(entry => entry.Rank).ToListAsync();
    var bodies = entries.ToDictionary(entry => entry.Id, entry => Regex.Replace(entry.BodyHtml, "<[^>]+>", " "));
    await using var transaction = await db.Database.BeginTransactionAsync();
    await db.Database.ExecuteSqlRawAsync(InertTables);

    var clock = Stopwatch.StartNew();
    await using (var writer = SearchIndex.Writer(db))
    {
        foreach (var entry in entries)
        {
            await writer.InsertAsync(entry, bodies[entry.Id], CancellationToken.None);
        }
    }

    var elapsed = clock.Elapsed.TotalMilliseconds;
    await transaction.RollbackAsync();
    return elapsed;
}

// The bundled SQLite has no dbstat: the index's size is what a compacted copy of the store loses without it.
static async Task<(long Store, long Index)> IndexBytesAsync(DiscoveryDbContext db, string copy)
{
    await db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}");
    var whole = new FileInfo(copy).Length;
    await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
    {
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE SearchDocs; DROP TABLE SearchSpelling; VACUUM;";
        await drop.ExecuteNonQueryAsync();
    }

    return (whole, whole - new FileInfo(copy).Length);
}

sealed class Store(DbContextOptions<DiscoveryDbContext> options) : IDbContextFactory<DiscoveryDbContext>
{
    public DiscoveryDbContext CreateDbContext() => new(options);
}

enum Tables
{
    Index,
    Inert,
    AsBefore,
}
