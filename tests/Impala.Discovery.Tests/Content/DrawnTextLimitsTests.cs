using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Parsing;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Text the site draws on cards, sleeves and badges is bounded at the check (issue 21: a 9,990-character name cost
/// 52.7 CPU-seconds to draw): a name, title, summary or fact at its documented maximum is read, one character more is
/// refused at its line and column with the limit and the fix, in the parser that `check` and the live import share.
/// </summary>
public sealed class DrawnTextLimitsTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    // Words of the longest length a card draws, so that only the limit under test is reached.
    private static string Words(int length) =>
        string.Join(' ', Enumerable.Repeat(new string('w', ParserLimits.MaxWordLength), length / ParserLimits.MaxWordLength + 1))[..length].TrimEnd() is var text
        && text.Length == length ? text : text + "x";

    private static string Named(string name) => ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", "## " + name, StringComparison.Ordinal));

    private static string WithFact(string line) =>
        ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", line, StringComparison.Ordinal));

    private ContentError SingleError(string text)
    {
        var result = _parser.Parse(ArticleText.FileName, text);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_NameAtTheMaximum_IsRead()
    {
        var name = Words(ParserLimits.MaxNameLength);

        var result = _parser.Parse(ArticleText.FileName, Named(name));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(name, Assert.Single(result.Value!.Entries).Name);
    }

    [Fact]
    public void Parse_NameOneCharacterOver_IsRefusedAtItsHeadingWithTheLimit()
    {
        var error = SingleError(Named(Words(ParserLimits.MaxNameLength + 1)));

        Assert.Equal((10, 1), (error.Line, error.Column));
        Assert.StartsWith("This name is 151 characters long; the site reads names of at most 150", error.Message);
        Assert.Contains("Shorten it", error.Message);
    }

    [Fact]
    public void Parse_NameWithAWordWiderThanACard_IsRefusedWithTheFix()
    {
        var error = SingleError(Named("Label " + new string('x', ParserLimits.MaxWordLength + 1)));

        Assert.Equal((10, 1), (error.Line, error.Column));
        Assert.Contains("is one word of 61 characters without a space; the site draws words of at most 60", error.Message);
        Assert.Contains("Add the missing spaces", error.Message);
    }

    [Fact]
    public void Parse_TitleAndSummaryOver_AreRefusedAtTheirValues()
    {
        var text = ArticleText.With(ArticleText.NinjaTune)
            .Replace("title: Test labels", "title: " + Words(ParserLimits.MaxNameLength + 1), StringComparison.Ordinal)
            .Replace("summary: A small article for tests.", "summary: " + Words(ParserLimits.MaxSummaryLength + 1), StringComparison.Ordinal);

        var errors = _parser.Parse(ArticleText.FileName, text).Errors;

        Assert.Collection(errors,
            title => Assert.Equal((2, 8, true), (title.Line, title.Column, title.Message.StartsWith("The title is 151 characters long; the site reads titles of at most 150", StringComparison.Ordinal))),
            summary => Assert.Equal((5, 10, true), (summary.Line, summary.Column, summary.Message.StartsWith("The summary is 501 characters long; the site reads at most 500", StringComparison.Ordinal))));
    }

    [Fact]
    public void Parse_TitleAndSummaryAtTheMaximum_AreRead()
    {
        var text = ArticleText.With(ArticleText.NinjaTune)
            .Replace("title: Test labels", "title: " + Words(ParserLimits.MaxNameLength), StringComparison.Ordinal)
            .Replace("summary: A small article for tests.", "summary: " + Words(ParserLimits.MaxSummaryLength), StringComparison.Ordinal);

        var result = _parser.Parse(ArticleText.FileName, text);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(ParserLimits.MaxSummaryLength, result.Value!.Summary.Length);
    }

    [Fact]
    public void Parse_FactValueOver_IsRefusedAtTheValue()
    {
        var error = SingleError(WithFact("- **City:** " + Words(ParserLimits.MaxFactValueLength + 1)));

        Assert.Equal((13, 13), (error.Line, error.Column));
        Assert.StartsWith("This value of 'City' is 1,001 characters long; the site reads at most 1,000 in one fact.", error.Message);
    }

    [Fact]
    public void Parse_ListOfNamesAtTheMaximum_IsReadAndOneNameTooLong_IsRefused()
    {
        var artists = string.Join(", ", Enumerable.Range(0, 50).Select(index => $"Artist number {index:00}"));
        var longName = Words(ParserLimits.MaxNameLength + 1);

        var read = _parser.Parse(ArticleText.FileName, ArticleText.With(ArticleText.NinjaTune.Replace("DJ Food", artists, StringComparison.Ordinal)));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("DJ Food", longName, StringComparison.Ordinal)));

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Contains("Artist number 49", read.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Artists").Values);
        Assert.Equal((15, 16), (error.Line, error.Column));
        Assert.StartsWith("One item of 'Artists' is 151 characters long", error.Message);
        Assert.Contains("missing comma", error.Message);
    }

    [Fact]
    public void ParseKinds_KindNamesOver40AndACaptionOfAnAddress_AreRefused()
    {
        var longNames = KindCatalogParser.Parse("kinds.yml", KindsText.OnlyManagers.Replace("plural: Managers", "plural: " + new string('M', 41), StringComparison.Ordinal));
        var addressCaption = KindCatalogParser.Parse("kinds.yml", KindsText.OnlyManagers
            .Replace("    facts:", "    caption: Website\n    facts:", StringComparison.Ordinal)
            .Replace("{ key: Founded, type: year }", "{ key: Website, type: url }", StringComparison.Ordinal));

        Assert.StartsWith("The names of the kind 'managers' may have at most 40 characters each", Assert.Single(longNames.Errors).Message);
        Assert.StartsWith("The caption of 'managers' names 'Website', a web address, which cards do not show.", Assert.Single(addressCaption.Errors).Message);
    }

    [Fact]
    public async Task CheckAndImport_NameTooLong_AreRefusedAlikeAtTheSameLine()
    {
        var name = Words(ParserLimits.MaxNameLength + 1);
        var article = Named(name).Replace("## Ninja Tune", "## Long Names", StringComparison.Ordinal);
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(folder, "articles", "2021-05-long-names.md"), article);
        using var harness = new ImportHarness(folder);

        var (exit, lines) = await ContentCheckTests.CheckAsync(folder);
        var report = await harness.ImportAsync();

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.StartsWith($"{folder}/articles/2021-05-long-names.md:10:1: error: This name is 151 characters long", StringComparison.Ordinal));
        var error = Assert.Single(report.Errors);
        Assert.Equal(("articles/2021-05-long-names.md", 10, 1), (error.File, error.Line, error.Column));
        Assert.Null(await harness.FindEntryAsync("labels", Slug.From(name)));
    }
}
