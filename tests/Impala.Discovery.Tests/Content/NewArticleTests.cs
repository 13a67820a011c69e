using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>The new command gives an editor next month's file, ready to fill in, that the site already accepts as a draft.</summary>
public sealed class NewArticleTests
{
    private static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task New_EveryKind_WritesNextMonthsDraftWithEveryFact_RefusedUntilItsPlaceholdersAreFilledIn()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        var written = new List<string>();
        foreach (var kind in FrozenContent.Kinds.Kinds)
        {
            using var output = new StringWriter();

            var exit = await NewArticle.RunAsync([kind.Key, $"More {kind.Plural}: a second look", folder], output, Today, TestContext.Current.CancellationToken);

            Assert.Equal(0, exit);
            var path = Path.Combine(folder, "articles", $"2026-12-more-{kind.Key}-a-second-look.md");
            var text = File.ReadAllText(path);
            Assert.Contains("draft: true", text);
            Assert.Contains("published: 2026-12-01", text);
            Assert.All(kind.Facts, fact => Assert.Contains($"- **{fact.Key}:** [[", text));
            written.Add(path);
        }

        // The untouched skeletons are refused, each placeholder on its own line; filled in, they are good drafts.
        using var refused = new StringWriter();
        Assert.NotEqual(0, await ContentCheck.RunAsync([folder], refused, Today, TestContext.Current.CancellationToken));
        Assert.Contains("still holds the placeholder '[[", refused.ToString());
        Assert.Contains("still holds the placeholder '[[One or two sentences", refused.ToString());
        foreach (var path in written)
        {
            File.WriteAllText(path, File.ReadAllText(path).Replace("[[", "", StringComparison.Ordinal).Replace("]]", "", StringComparison.Ordinal));
        }

        using var check = new StringWriter();
        Assert.Equal(0, await ContentCheck.RunAsync([folder], check, Today, TestContext.Current.CancellationToken));
        Assert.Contains($"{FrozenContent.Kinds.Kinds.Count} drafts", check.ToString());
    }

    [Fact]
    public async Task New_StatesThePublicationDate_AndThatRemovingDraftOnlySchedulesIt()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        using var output = new StringWriter();

        await NewArticle.RunAsync(["venues", "Twenty more venues", folder], output, Today, TestContext.Current.CancellationToken);

        var said = output.ToString();
        Assert.Contains("to be published on 2026-12-01", said);
        Assert.Contains("remove the line 'draft: true'", said);
        Assert.Contains("appears on the site on 2026-12-01, not before", said);
        Assert.Contains("change 'published:'", said);
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
