#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
#:package Lucene.Net@4.8.0-beta00018
#:package Lucene.Net.Analysis.Common@4.8.0-beta00018
#:property PublishAot=false
#:property ManagePackageVersionsCentrally=false
// Throwaway comparison for issue 17: the same 10,000 synthetic entries (generate-articles.py) indexed with Lucene.Net
// instead of SQLite FTS5, and the same kinds of queries, to choose the engine by numbers. Lucene is referenced by this
// script only, never by the site. Prints Lucene's index build time and size, and p50/p99 of a typo query (FuzzyQuery,
// one edit from five letters, two from nine), a prefix query and a three-word query, each text new, beside the
// site's own engine on the same store and queries. Not a test.
// Run: dotnet run -c Release tests/Benchmarks/search-lucene-10k.cs [articles] [entries]   (needs python3)
using System.Diagnostics;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
var articles = args.Length > 0 ? int.Parse(args[0]) : 500;
var entriesEach = args.Length > 1 ? int.Parse(args[1]) : 20;
var work = System.IO.Directory.CreateTempSubdirectory("search-lucene-");
try
{
    var content = Path.Combine(work.FullName, "content");
    await Process.Start("python3", [Path.Combine(root, "tests", "Benchmarks", "generate-articles.py"), content, "--articles", $"{articles}", "--entries", $"{entriesEach}"])!.WaitForExitAsync();
    File.Copy(Path.Combine(root, "content", PlaceNames.FileName), Path.Combine(content, PlaceNames.FileName));
    var store = new Store(new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite($"Data Source={Path.Combine(work.FullName, "discovery.db")}").Options);
    await using (var db = store.CreateDbContext())
    {
        await DiscoveryDatabase.EnsureReadyAsync(db, CancellationToken.None);
    }

    using (var importer = new ContentImporter(new ContentFolder(content), store, TimeProvider.System, NullLogger<ContentImporter>.Instance))
    {
        await importer.ImportAsync(CancellationToken.None);
    }

    await using var read = store.CreateDbContext();
    var entries = await read.Entries.AsNoTracking().Include(entry => entry.Facts).Include(entry => entry.Artists).AsSplitQuery().ToListAsync();
    var bodies = entries.ToDictionary(entry => entry.Id, entry => Regex.Replace(entry.BodyHtml, "<[^>]+>", " "));

    // The same fields as the site's index: names, artists, places, other facts, prose; one document per entry and per
    // artist an entry names. Accents folded, as the site folds them.
    const LuceneVersion Version = LuceneVersion.LUCENE_48;
    var analyzer = Analyzer.NewAnonymous((field, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)));
    });
    var folder = Path.Combine(work.FullName, "lucene");
    var clock = Stopwatch.StartNew();
    using (var directory = FSDirectory.Open(folder))
    using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64 }))
    {
        foreach (var entry in entries)
        {
            var facts = entry.Facts.Where(fact => fact.Type is not (FactType.Url or FactType.Links)).ToList();
            writer.AddDocument(new Document
            {
                new StringField("type", "entry", Field.Store.YES),
                new StringField("key", entry.Id.ToString(), Field.Store.YES),
                new TextField("names", entry.Name + " " + entry.Slug.Replace('-', ' '), Field.Store.YES),
                new TextField("artists", string.Join(" | ", entry.Artists.Select(artist => artist.ArtistName)), Field.Store.YES),
                new TextField("places", string.Join(" | ", facts.Where(fact => fact.Type is FactType.Country or FactType.Countries || fact.Key == "City").SelectMany(fact => fact.Values)), Field.Store.YES),
                new TextField("facts", string.Join(" | ", facts.SelectMany(fact => fact.Values)), Field.Store.YES),
                new TextField("body", bodies[entry.Id], Field.Store.YES),
            });
            foreach (var artist in entry.Artists)
            {
                writer.AddDocument(new Document
                {
                    new StringField("type", "artist", Field.Store.YES),
                    new StringField("key", artist.ArtistSlug, Field.Store.YES),
                    new TextField("names", artist.ArtistName, Field.Store.YES),
                });
            }
        }

        writer.Commit();
    }

    var buildMs = clock.Elapsed.TotalMilliseconds;
    var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(file => file.Length);
    Console.WriteLine($"Lucene.Net: {entries.Count:N0} entries indexed in {buildMs:N0} ms (a pass of its own after the import), {bytes / 1048576.0:N1} MB on disk");

    using var searchDirectory = FSDirectory.Open(folder);
    using var reader = DirectoryReader.Open(searchDirectory);
    var searcher = new IndexSearcher(reader);
    var fields = new (string Name, float Boost)[] { ("names", 10), ("artists", 6), ("places", 4), ("facts", 3), ("body", 1) };
    Query Word(string word, bool prefix, bool fuzzy)
    {
        var query = new BooleanQuery();
        foreach (var (name, boost) in fields)
        {
            Query one = fuzzy ? new FuzzyQuery(new Term(name, word), SearchText.TyposAllowed(word.Length)) : prefix ? new PrefixQuery(new Term(name, word)) : new TermQuery(new Term(name, word));
            one.Boost = boost;
            query.Add(one, Occur.SHOULD);
        }

        return query;
    }

    var names = entries.Select(entry => entry.Name).ToList();
    var words = names.SelectMany(SearchText.Words).Where(word => word.Length >= 6).Distinct().ToList();
    var random = new Random(1);
    string Typo(string word)
    {
        var at = random.Next(1, word.Length - 2);
        return word[..at] + word[at + 1] + word[at] + word[(at + 2)..];
    }

    var cases = new (string Name, Func<(string Text, Query Query)> Make)[]
    {
        ("typo (one word, two letters swapped)", () => { var text = Typo(words[random.Next(words.Count)]); return (text, Word(text, prefix: false, fuzzy: true)); }),
        ("prefix (first four letters)", () => { var text = words[random.Next(words.Count)][..4]; return (text, Word(text, prefix: true, fuzzy: false)); }),
        ("three words (a name's)", () =>
        {
            var three = SearchText.Words(names[random.Next(names.Count)]).Take(3).ToList();
            var query = new BooleanQuery();
            foreach (var (word, index) in three.Select((word, index) => (word, index)))
            {
                query.Add(Word(word, prefix: index == three.Count - 1, fuzzy: false), Occur.MUST);
            }

            return (string.Join(' ', three), query);
        }),
    };
    var spellings = new SearchCatalogCache();
    var site = new SiteSearch(read, new PlaceNames(new ContentFolder(content), NullLogger<PlaceNames>.Instance), spellings);
    await spellings.CurrentAsync(read, CancellationToken.None);
    Console.WriteLine($"{"query (300 each, uncached)",-38} {"Lucene p50",10} {"p99",7} {"hits",6} | {"site p50",8} {"p99",7} {"results",7}");
    foreach (var (name, make) in cases)
    {
        for (var warm = 0; warm < 20; warm++)
        {
            searcher.Search(make().Query, 50);
            await site.SearchAsync(make().Text, 50, CancellationToken.None);
        }

        var (lucene, ours) = (new List<double>(), new List<double>());
        var (luceneHits, ourResults) = (0L, 0L);
        for (var run = 0; run < 300; run++)
        {
            var (text, query) = make();
            var watch = Stopwatch.StartNew();
            var top = searcher.Search(query, 50);
            foreach (var hit in top.ScoreDocs)
            {
                searcher.Doc(hit.Doc);
            }

            lucene.Add(watch.Elapsed.TotalMilliseconds);
            luceneHits += top.ScoreDocs.Length;
            watch.Restart();
            var outcome = await site.SearchAsync(text, 50, CancellationToken.None);
            ours.Add(watch.Elapsed.TotalMilliseconds);
            ourResults += outcome.Results.Count;
        }

        Console.WriteLine($"{name,-38} {Percentile(lucene, 0.5),10:N2} {Percentile(lucene, 0.99),7:N2} {luceneHits / 300.0,6:N1} | {Percentile(ours, 0.5),8:N2} {Percentile(ours, 0.99),7:N2} {ourResults / 300.0,7:N1}");
    }

    Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} (2 cores)");
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

sealed class Store(DbContextOptions<DiscoveryDbContext> options) : IDbContextFactory<DiscoveryDbContext>
{
    public DiscoveryDbContext CreateDbContext() => new(options);
}
