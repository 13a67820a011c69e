using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// <c>check --base</c> knows what was published: in a git repository holding a copy of the frozen content, a change
/// that drops a published address is refused at the changed place with the line to add, and <c>--fix</c> adds it.
/// </summary>
public sealed class CheckBaseTests
{
    private readonly TestRepository _repository = new();

    public CheckBaseTests() => _repository.Git("checkout", "-q", "-b", "change");

    private string Content => _repository.Content;

    [Fact]
    public async Task ArticleFileRenamedWithoutAlias_IsRefusedOnTheNewFile_AndFixAddsTheAlias()
    {
        File.Move(Path.Combine(Content, "articles", "2021-02-music-venues.md"), Path.Combine(Content, "articles", "2021-02-venues-of-europe.md"));

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "main");

        Assert.Equal(1, exit);
        Assert.Contains($"{Content}/articles/2021-02-venues-of-europe.md:1:1: error: /series/music-venues was published and would stop working. "
            + "Add 'aliases: [music-venues]' to the front matter", string.Join("\n", lines));

        var (fixedExit, fixedLines) = await ContentCheckTests.CheckAsync(Content, "--base", "main", "--fix");

        Assert.Equal(0, fixedExit);
        Assert.Contains("aliases: [music-venues]", File.ReadAllText(Path.Combine(Content, "articles", "2021-02-venues-of-europe.md")));
        Assert.EndsWith("0 errors, 0 warnings.", fixedLines[^1]);
    }

    [Fact]
    public async Task KindsFileUnreadable_IsTheOneError_NotEveryPublishedAddress()
    {
        File.WriteAllText(Path.Combine(Content, "kinds.yml"), "kinds:\n  - key: [unclosed\n");

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "main");

        Assert.Equal(1, exit);
        var errors = lines.Where(line => line.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.All(errors, error => Assert.Contains("kinds.yml", error));
        Assert.DoesNotContain(lines, line => line.Contains("would stop working", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Addresses not checked: kinds.yml cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EntryDeleted_IsRefusedUntilRecorded_AndFixWritesTheRecordThatNowAnswersGone()
    {
        var labels = Path.Combine(Content, "articles", "2021-03-record-labels.md");
        var text = File.ReadAllText(labels);
        var start = text.IndexOf("## Cobalt Music\n", StringComparison.Ordinal);
        File.WriteAllText(labels, text.Remove(start, text.IndexOf("## Crunchy Frog\n", StringComparison.Ordinal) - start));

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "main");

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.Contains("error: /labels/cobalt-music was published and would stop working ('Cobalt Music' is no longer there)", StringComparison.Ordinal));

        var (fixedExit, _) = await ContentCheckTests.CheckAsync(Content, "--fix");

        Assert.Equal(0, fixedExit);
        var records = RemovalRecords.Parse(File.ReadAllText(Path.Combine(Content, RemovalRecords.FileName)));
        Assert.Contains(records.Value!, record => record.Path == "/labels/cobalt-music" && record.Reason == RemovalRecords.DefaultReason);
    }

    /// <summary>
    /// A kind's only article made a draft (found by replay 7): the kind's page goes with its entries, since a kind has a
    /// page once it has a published entry. Counted for every kind in kinds.yml, it went without a word from check.
    /// </summary>
    [Fact]
    public async Task AKindsOnlyArticleMadeADraft_AsksForItsKindPageToo_AndFixRecordsIt()
    {
        var venues = Path.Combine(Content, "articles", "2021-02-music-venues.md");
        File.WriteAllText(venues, File.ReadAllText(venues).Replace("kind: venues", "kind: venues\ndraft: true", StringComparison.Ordinal));

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "main");

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.Contains("error: /venues was published and would stop working", StringComparison.Ordinal));

        var (fixedExit, _) = await ContentCheckTests.CheckAsync(Content, "--base", "main", "--fix");

        Assert.Equal(0, fixedExit);
        var records = RemovalRecords.Parse(File.ReadAllText(Path.Combine(Content, RemovalRecords.FileName)));
        Assert.Contains(records.Value!, record => record.Path == "/venues");
    }

    /// <summary>
    /// Found by replay 8: an entry renamed without an alias, while another kind's article links to it, made check say
    /// that other kind's page would stop working, and --fix recorded that page as removed; a mistake in a kind's only
    /// article did the same for its own kind's page. A refused file's last good version stays online, and its kind's page
    /// with it: check, which evaluates as a new store does, takes it from the history as a new store does.
    /// </summary>
    [Theory]
    [InlineData("## Ninja Tune\n", "## Ninja Tune Records\n", "/milestones")]
    [InlineData("- **Founded:** 1990\n", "- **Founded:** nineteen-ninety\n", "/labels")]
    public async Task ARefusedArticle_NeverAsksForAKindPageItsLastGoodVersionKeeps(string find, string replace, string kindPage)
    {
        var labels = Path.Combine(Content, "articles", "2021-03-record-labels.md");
        var text = File.ReadAllText(labels);
        Assert.Contains(find, text);
        File.WriteAllText(labels, text.Replace(find, replace, StringComparison.Ordinal));

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "main");

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.Contains("2021-03-record-labels.md", StringComparison.Ordinal) && line.Contains(": error: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains($"error: {kindPage} was published", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnchangedContent_HasNothingToSay_AndAnUnknownRevisionIsNamed()
    {
        var (exit, lines) = await ContentCheckTests.CheckAsync(Content);
        var (unknownExit, unknownLines) = await ContentCheckTests.CheckAsync(Content, "--base", "no-such-branch");

        Assert.Equal(0, exit);
        Assert.StartsWith("Addresses checked against ", lines[^2]);
        Assert.EndsWith(": 0 would stop working.", lines[^2]);
        Assert.Equal(0, unknownExit);
        Assert.Equal("Addresses not checked: 'no-such-branch' is not a revision of this repository.", unknownLines[^2]);
    }

    [Fact]
    public async Task AliasRemoved_IsPutBackByFix()
    {
        var labels = Path.Combine(Content, "articles", "2021-03-record-labels.md");
        File.WriteAllText(labels, File.ReadAllText(labels).Replace("## Ninja Tune\n\n", "## Ninja Tune\n\n- **Aliases:** ninja\n", StringComparison.Ordinal));
        _repository.Commit("an alias");
        File.WriteAllText(labels, File.ReadAllText(labels).Replace("- **Aliases:** ninja\n", "", StringComparison.Ordinal));

        var (exit, lines) = await ContentCheckTests.CheckAsync(Content, "--base", "HEAD");
        var (fixedExit, _) = await ContentCheckTests.CheckAsync(Content, "--base", "HEAD", "--fix");

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.Contains("/labels/ninja redirected to /labels/ninja-tune and would stop working", StringComparison.Ordinal));
        Assert.Equal(0, fixedExit);
        Assert.Contains("- **Aliases:** ninja\n", File.ReadAllText(labels));
    }
}
