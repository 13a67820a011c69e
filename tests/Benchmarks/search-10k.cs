#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
#:property PublishAot=false
// Prints what the search costs at 10,000 synthetic entries (generate-articles.py): the import's time, the search
// index's size and the time to build it (rebuilt alone from the store after the import), then p50/p99 of typo, prefix
// and three-word queries through the site's engine, uncached. Not a test: speed is measured here, not asserted.
// Targets on a 2-core machine: p99 under 20 ms; the index adds at most 10 % to the import.
// Run: dotnet run tests/Benchmarks/search-10k.cs [articles] [entries]   (needs python3)
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
var work = Directory.CreateTempSubdirectory("search-10k-");
try
{
    var content = Path.Combine(work.FullName, "content");
    var generate = Process.Start("python3", [Path.Combine(root, "tests", "Benchmarks", "generate-articles.py"), content, "--articles", $"{articles}", "--entries", $"{entriesEach}"])!;
    await generate.WaitForExitAsync();
    File.Copy(Path.Combine(root, "content", PlaceNames.FileName), Path.Combine(content, PlaceNames.FileName));

    var database = Path.Combine(work.FullName, "discovery.db");
    var factory = new Store(new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={database}").Options);
    await using (var db = factory.CreateDbContext())
    {
        await DiscoveryDatabase.EnsureReadyAsync(db, CancellationToken.None);
    }

    using var importer = new ContentImporter(new ContentFolder(content), factory, TimeProvider.System, NullLogger<ContentImporter>.Instance);
    var clock = Stopwatch.StartNew();
    var report = await importer.ImportAsync(CancellationToken.None);
    var importMs = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine($"import: {report.Entries:N0} entries of {report.Articles} articles, {report.Errors.Count} errors, {importMs:N0} ms");

    await using (var db = factory.CreateDbContext())
    {
        var (indexMs, rows) = await RebuildIndexAsync(db);
        var (total, bytes) = await IndexBytesAsync(db, Path.Combine(work.FullName, "copy.db"));
        Console.WriteLine($"index: {rows:N0} rows, {bytes / 1048576.0:N1} MB of the store's {total / 1048576.0:N1} MB; built in {indexMs:N0} ms, {indexMs / importMs:P0} of the import");
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

        var search = new SiteSearch(db, new PlaceNames(new ContentFolder(content), NullLogger<PlaceNames>.Instance));
        var cases = new (string Name, Func<string> Query)[]
        {
            ("typo (one word, two letters swapped)", () => Typo(words[random.Next(words.Count)])),
            ("prefix (first four letters)", () => words[random.Next(words.Count)][..4]),
            ("three words (a name's)", () => string.Join(' ', SearchText.Words(names[random.Next(names.Count)]).Take(3))),
            ("three words, the last mistyped", () => string.Join(' ', SearchText.Words(names[random.Next(names.Count)]).Take(2).Append(Typo(words[random.Next(words.Count)])))),
        };
        var places = new PlaceNames(new ContentFolder(content), NullLogger<PlaceNames>.Instance);
        Console.WriteLine($"{"query",-34} {"p50 ms",8} {"p99 ms",8} {"results",8} | p50 of its parts: read query, FTS5 rows, count");
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
                var read = await SearchQuery.ParseAsync(db, text, places.Current(), CancellationToken.None);
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

    Console.WriteLine($"load average before: {loadBefore} (2 cores; above 2, figures are slower than the machine)");
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

// The index alone, written again from the store as the import writes it: its share of the import's time.
static async Task<(double Milliseconds, long Rows)> RebuildIndexAsync(DiscoveryDbContext db)
{
    var entries = await db.Entries.AsNoTracking().Include(entry => entry.Facts).Include(entry => entry.Artists).Include(entry => entry.Aliases)
        .AsSplitQuery().OrderBy(entry => entry.ArticleId).ThenBy(entry => entry.Rank).ToListAsync();
    var bodies = entries.ToDictionary(entry => entry.Id, entry => Regex.Replace(entry.BodyHtml, "<[^>]+>", " "));
    var clock = Stopwatch.StartNew();
    await using var transaction = await db.Database.BeginTransactionAsync();
    await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchDocs; DELETE FROM SearchSpelling;");
    await using (var writer = SearchIndex.Writer(db))
    {
        foreach (var entry in entries)
        {
            await writer.InsertAsync(entry, bodies[entry.Id], CancellationToken.None);
        }
    }

    await transaction.CommitAsync();
    var elapsed = clock.Elapsed.TotalMilliseconds;
    return (elapsed, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM SearchDocs").SingleAsync());
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
