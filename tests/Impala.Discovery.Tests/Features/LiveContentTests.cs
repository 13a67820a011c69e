using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Features;

/// <summary>
/// The one kind of test that reads the repository's real content/: it imports cleanly, every page answers, every entry
/// has its required facts. Nothing here knows how many articles, entries or kinds the folder holds, so adding next
/// month's article (or a new kind) needs no change to the tests; the last test proves it on an extended copy.
/// </summary>
public sealed class LiveContentTests
{
    [Fact]
    public async Task Import_HasNoErrorsAndLogsNoWarnings()
    {
        var log = new RecordingLogger<ContentImporter>();
        using var harness = new ImportHarness(LiveContent.Path, TimeProvider.System.GetUtcNow(), log);

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Empty(log.Problems);
        Assert.True(report.Entries > 0, "The real content/ imported no entry at all.");
    }

    [Fact]
    public async Task EveryEntry_HasTheRequiredFactsOfItsKind()
    {
        using var harness = new ImportHarness(LiveContent.Path, TimeProvider.System.GetUtcNow());
        await harness.ImportAsync();
        var kinds = ContentKinds.Load(LiveContent.Path);
        await using var db = harness.CreateDbContext();

        var entries = await db.Entries.AsNoTracking().Include(entry => entry.Facts).ToListAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(entries);
        var missing = entries
            .SelectMany(entry => MissingRequiredFacts(kinds, entry.KindKey, entry.Facts.Select(fact => fact.Key))
                .Select(fact => $"{entry.Path} has no '{fact}'"))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryPage_Answers200()
    {
        await using var factory = new DiscoveryFactory(LiveContent.Path);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var walk = await SiteWalk.WalkAsync(client, ContentKinds.Load(LiveContent.Path));

        Assert.Empty(walk.Failures);
        Assert.NotEmpty(walk.SitemapPaths);
    }

    [Fact]
    public async Task NextMonth_ANewKindAndANewArticleOfAnExistingKind_AreServedOnEveryPage()
    {
        var content = TempFolder.CopyOf(LiveContent.Path);
        var existingKind = ContentKinds.Load(content).Kinds[0];
        var newest = NewestPublicationDate(content);
        var festivals = NextMonth.AddFestivalsKind(content, newest.AddDays(1));
        var nextArticle = NextMonth.AddArticle(content, existingKind, newest.AddDays(2));
        var clock = new FixedClock(new DateTimeOffset(newest.AddDays(40).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await using var factory = new DiscoveryFactory(content, clock: clock);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var walk = await SiteWalk.WalkAsync(client, ContentKinds.Load(content));

        Assert.Empty(walk.Failures);
        Assert.Contains(festivals.EntryPath, walk.SitemapPaths);
        Assert.Contains(festivals.ArticlePath, walk.SitemapPaths);
        Assert.Contains(nextArticle.EntryPath, walk.SitemapPaths);
        Assert.Contains(nextArticle.ArticlePath, walk.SitemapPaths);
        Assert.Contains(festivals.EntryName, await CardNamesAsync(client, $"/{festivals.Kind}"));
        Assert.Contains(nextArticle.EntryName, await CardNamesAsync(client, $"/{existingKind.Key}"));
        Assert.Contains(festivals.EntryName, await CardNamesAsync(client, $"/countries/{NextMonth.CountrySlug}"));
        var search = await CardNamesAsync(client, $"/search?q={NextMonth.SearchWord}");
        Assert.Contains(festivals.EntryName, search);
        Assert.Contains(nextArticle.EntryName, search);
        var home = await Html.ParseAsync(await client.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Equal(nextArticle.ArticlePath, home.QuerySelector("#latest-heading a")?.GetAttribute("href"));
    }

    private static IEnumerable<string> MissingRequiredFacts(KindCatalog kinds, string kindKey, IEnumerable<string> factKeys)
    {
        var kind = kinds.Find(kindKey);
        if (kind is null)
        {
            return [$"kind '{kindKey}' (not declared in kinds.yml)"];
        }

        var present = factKeys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return kind.Facts.Where(fact => fact.Required && !present.Contains(fact.Key)).Select(fact => fact.Key);
    }

    private static DateOnly NewestPublicationDate(string content)
    {
        var parser = new ArticleParser(ContentKinds.Load(content));
        var articles = Directory.EnumerateFiles(Path.Combine(content, ContentFolder.ArticlesFolderName), "*.md")
            .Select(file => parser.Parse($"{ContentFolder.ArticlesFolderName}/{Path.GetFileName(file)}", File.ReadAllText(file)).Value)
            .OfType<ParsedArticle>()
            .ToList();
        Assert.NotEmpty(articles);
        return articles.Max(article => article.Published);
    }

    private static async Task<IReadOnlyList<string>> CardNamesAsync(HttpClient client, string path)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync(path, TestContext.Current.CancellationToken));
        return page.Texts(".card-name, .result-name");
    }
}
