using System.Text.Json;
using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The store keeps each stored article's parse (without its HTML), so that a restart parses only the files that
/// changed while the site was down, and an editor's first save after a deploy does not wait for every file's parse.
/// </summary>
public sealed class RestartParsesTests
{
    private const string Labels = "2021-03-record-labels.md";

    private readonly List<string> _parsed = [];

    private IsolatedArticleParser CountingParser() => new(NullLogger.Instance, (kinds, file) =>
    {
        lock (_parsed)
        {
            _parsed.Add(file.Path);
        }

        return new ArticleParser(kinds).Parse(file.Path, file.Text);
    });

    [Fact]
    public async Task Restart_OnAnUnchangedFolder_ParsesNoFile_ThenAnEditParsesOnlyItsFile()
    {
        using var first = new ImportHarness();
        var before = await first.ImportAsync();
        using var restarted = first.Restarted(CountingParser());

        var afterRestart = await restarted.ImportAsync();
        Assert.Empty(_parsed);
        restarted.Edit(Labels, "- **City:** London", "- **City:** Brixton");
        var afterEdit = await restarted.ImportAsync();

        Assert.Equal((before.Articles, before.Entries, 0), (afterRestart.Articles, afterRestart.Entries, afterRestart.Errors.Count));
        Assert.Equal(["articles/" + Labels], _parsed);
        Assert.Equal(1, afterEdit.ArticlesWritten);
        Assert.Contains("Brixton", (await restarted.FindEntryAsync("labels", "ninja-tune"))!.Facts.Single(fact => fact.Key == "City").Values);
    }

    [Fact]
    public async Task Restart_AfterFilesChangedWhileTheSiteWasDown_ParsesThoseFiles()
    {
        using var first = new ImportHarness();
        await first.ImportAsync();
        first.Edit(Labels, "- **City:** London", "- **City:** Brixton");
        using var restarted = first.Restarted(CountingParser());

        await restarted.ImportAsync();

        Assert.Equal(["articles/" + Labels], _parsed);
        Assert.Contains("Brixton", (await restarted.FindEntryAsync("labels", "ninja-tune"))!.Facts.Single(fact => fact.Key == "City").Values);
    }

    [Fact]
    public async Task ParsesKeptByAnotherBuild_AreNotTrusted()
    {
        // Another build's parser may read the same text otherwise: its parses would be wrong for this one.
        using var first = new ImportHarness();
        await first.ImportAsync();
        await using (var db = first.CreateDbContext())
        {
            await db.KeptParses.ExecuteUpdateAsync(set => set.SetProperty(kept => kept.ParsedBy, "another build"), TestContext.Current.CancellationToken);
        }

        using var restarted = first.Restarted(CountingParser());
        await restarted.ImportAsync();

        Assert.Equal(Directory.GetFiles(Path.Combine(first.ContentPath, "articles"), "*.md").Length, _parsed.Count);
    }

    [Fact]
    public async Task KeptParse_OfEveryArticle_ReadsBackAsTheParserGaveIt()
    {
        // Of the frozen fixture and of the real content, whatever it holds this month.
        foreach (var folder in new[] { FrozenContent.Path, LiveContent.Path })
        {
            var kinds = ContentFolder.ParseCatalog(File.ReadAllText(Path.Combine(folder, ContentFolder.KindsFileName))).Value!.Catalog;
            foreach (var path in Directory.GetFiles(Path.Combine(folder, "articles"), "*.md"))
            {
                var parsed = new ArticleParser(kinds).Parse("articles/" + Path.GetFileName(path), File.ReadAllText(path)).Value!.WithoutText();

                var read = KeptParseJson.Read(KeptParseJson.Write(parsed))!;

                Assert.Equal(Everything(parsed), Everything(read));
                Assert.Equal(parsed.EntryPaths, read.EntryPaths);
                Assert.Equal(parsed.Paths, read.Paths);
                Assert.Equal(parsed.Entries.SelectMany(entry => entry.Countries), read.Entries.SelectMany(entry => entry.Countries));
                Assert.True(read.TextDropped);
            }
        }
    }

    [Fact]
    public void KeptParse_ThatIsNoArticle_IsParsedAgainRatherThanTrusted()
    {
        Assert.Null(KeptParseJson.Read("{\"File\": "));
        Assert.Null(KeptParseJson.Read("[]"));
    }

    // Every property, the computed ones included, as JSON: records compare their lists by reference.
    private static string Everything(ParsedArticle article) => JsonSerializer.Serialize(article);
}
