using Impala.Discovery.Web.Features.Cards;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// Sleeves of one kind share its colour family, yet no two entries of one article look alike: each has its own motif
/// and palette, and keeps them on every drawing.
/// </summary>
public sealed class SleeveStyleTests
{
    [Fact]
    public async Task FrozenFixture_NoTwoEntriesOfOneArticle_ShareMotifAndPalette()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();

        var articles = await SleevesByArticleAsync(harness);

        Assert.NotEmpty(articles);
        Assert.All(articles, article => AssertAllDifferent(article.Key, article.Value));
    }

    [Fact]
    public async Task RealContent_NoTwoEntriesOfOneArticle_ShareMotifAndPalette()
    {
        using var harness = new ImportHarness(LiveContent.Path, TimeProvider.System.GetUtcNow());
        await harness.ImportAsync();

        var articles = await SleevesByArticleAsync(harness);

        Assert.NotEmpty(articles);
        Assert.All(articles, article => AssertAllDifferent(article.Key, article.Value));
    }

    [Fact]
    public async Task AnEntrysSleeve_IsTheSameOnEveryRead()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();

        var first = await SleevesByArticleAsync(harness);
        var second = await SleevesByArticleAsync(harness);

        var pairs = first.SelectMany(article => article.Value).Zip(second.SelectMany(article => article.Value)).ToList();
        Assert.All(pairs, pair => Assert.Equal(SleeveStyle.For(pair.First), SleeveStyle.For(pair.Second)));
        var (one, again) = pairs[0];
        Assert.Equal(Sleeve.Draw(one).ToSvg(), Sleeve.Draw(again).ToSvg());
    }

    [Fact]
    public void ALongArticle_KeepsItsSleevesApartForItsFirst375Entries()
    {
        var styles = Enumerable.Range(0, 375).Select(index => SleeveStyle.For(Subject(index))).ToList();

        Assert.Equal(styles.Count, styles.Distinct().Count());
        // Within any fifteen neighbours (a cover's rows) the motif and the palette's mode differ pairwise.
        Assert.Equal(15, styles.Take(15).Select(style => (style.Motif, style.Mode)).Distinct().Count());
    }

    [Fact]
    public void EveryPalette_StaysInTheKindsColourFamily()
    {
        var kind = SKColor.Parse("#1d4ed8");
        kind.ToHsl(out var kindHue, out _, out _);

        var primaries = Enumerable.Range(0, 75).Select(index => SleevePalette.For(kind, SleeveStyle.For(Subject(index))).Primary);

        Assert.All(primaries, primary =>
        {
            primary.ToHsl(out var hue, out _, out _);
            var turn = Math.Abs(hue - kindHue) % 360;
            Assert.True(Math.Min(turn, 360 - turn) <= 15, $"{primary} is {turn:0}° away from the kind's hue");
        });
    }

    private static SleeveSubject Subject(int index) =>
        new($"/labels/entry-{index}", $"Entry {index}", SKColor.Parse("#1d4ed8"), "", "", new SleevePlace("/series/a-long-article", index));

    private static void AssertAllDifferent(string article, IReadOnlyList<SleeveSubject> sleeves)
    {
        var alike = sleeves.GroupBy(SleeveStyle.For).Where(group => group.Count() > 1)
            .Select(group => $"{article}: {string.Join(", ", group.Select(sleeve => sleeve.Name))} share {group.Key}")
            .ToList();
        Assert.Empty(alike);
    }

    /// <summary>Every entry's sleeve as the site draws it (through the pages' own reader), by article.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<SleeveSubject>>> SleevesByArticleAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        var entries = await db.Entries.AsNoTracking()
            .OrderBy(entry => entry.Article.Slug).ThenBy(entry => entry.Rank)
            .Select(entry => new { Article = entry.Article.Slug, entry.KindKey, entry.Slug })
            .ToListAsync(TestContext.Current.CancellationToken);
        var pictures = new PagePictures(db);
        var sleeves = new Dictionary<string, IReadOnlyList<SleeveSubject>>();
        foreach (var article in entries.GroupBy(entry => entry.Article))
        {
            var subjects = new List<SleeveSubject>();
            foreach (var entry in article)
            {
                var picture = await pictures.EntrySubjectAsync(entry.KindKey, entry.Slug, TestContext.Current.CancellationToken);
                subjects.Add(Assert.IsType<EntryPicture>(picture).Sleeve);
            }

            sleeves[article.Key] = subjects;
        }

        return sleeves;
    }
}
