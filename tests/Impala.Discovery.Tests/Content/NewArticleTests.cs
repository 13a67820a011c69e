using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>The new command gives an editor next month's file, ready to fill in, that the site already accepts as a draft.</summary>
public sealed class NewArticleTests
{
    private static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task New_EveryKind_WritesNextMonthsDraftWithEveryFactThatChecksClean()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        foreach (var kind in FrozenContent.Kinds.Kinds)
        {
            using var output = new StringWriter();

            var exit = await NewArticle.RunAsync([kind.Key, $"More {kind.Plural}: a second look", folder], output, Today, TestContext.Current.CancellationToken);

            Assert.Equal(0, exit);
            var text = File.ReadAllText(Path.Combine(folder, "articles", $"2026-12-more-{kind.Key}-a-second-look.md"));
            Assert.Contains("draft: true", text);
            Assert.Contains("published: 2026-12-01", text);
            Assert.All(kind.Facts, fact => Assert.Contains($"- **{fact.Key}:**", text));
        }

        using var check = new StringWriter();
        Assert.Equal(0, await ContentCheck.RunAsync([folder], check, Today, TestContext.Current.CancellationToken));
        Assert.Contains($"{FrozenContent.Kinds.Kinds.Count} drafts", check.ToString());
    }

    [Fact]
    public async Task New_UnknownKind_SuggestsTheNearestAndWritesNothing()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        using var output = new StringWriter();

        var exit = await NewArticle.RunAsync(["venuez", "Anything", folder], output, Today, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'venues'?", output.ToString());
        Assert.Equal(FrozenContent.ArticleFileNames.Count, Directory.GetFiles(Path.Combine(folder, "articles")).Length);
    }
}
