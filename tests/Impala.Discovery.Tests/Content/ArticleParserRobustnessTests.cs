using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Parsing;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The cases of issue 6 that once threw, hung, overflowed the stack or were silently misread: each is now parsed
/// correctly or refused with an error that names its line and column.
/// </summary>
public sealed class ArticleParserRobustnessTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private ParseResult<ParsedArticle> Parse(string text) => _parser.Parse(ArticleText.FileName, text);

    private ContentError SingleError(string text)
    {
        var result = Parse(text);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    // In ArticleText.With(...) the first entry heading is line 10 and text appended after NinjaTune starts on line 19;
    // in WithBody(...) the first heading is line 8.
    private static string WithBody(string body) => ArticleText.FrontMatter + "\n\n" + body + "\n";

    private static string WithFrontMatterLine(string line) =>
        ArticleText.With(ArticleText.NinjaTune).Replace("summary: A small article for tests.", $"summary: A small article for tests.\n{line}", StringComparison.Ordinal);

    [Fact]
    public void Parse_ReferenceLinkInsideAnEntry_RendersItAndCollectsItsPath()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\nThey played [Loppen][l] in 2005.\n\n[l]: /venues/loppen"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var entry = Assert.Single(result.Value!.Entries);
        Assert.Contains("<a href=\"/venues/loppen\">Loppen</a>", entry.BodyHtml);
        Assert.Equal(["/venues/loppen"], entry.LinkedPaths);
        Assert.DoesNotContain("[l]", entry.BodyText);
        var link = Assert.Single(result.Value.Links);
        Assert.Equal(("/venues/loppen", 19, 13), (link.Path, link.Line, link.Column));
    }

    [Fact]
    public void Parse_ReferenceDefinedInAnotherEntry_ServesEveryEntry()
    {
        var pias = ArticleText.NinjaTune.Replace("## Ninja Tune", "## PIAS", StringComparison.Ordinal) + "\n\n[loppen]: /venues/loppen";
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\nSee [Loppen][loppen].", pias));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("href=\"/venues/loppen\"", result.Value!.Entries[0].BodyHtml);
        Assert.Equal(["/venues/loppen"], result.Value.Entries[0].LinkedPaths);
    }

    [Fact]
    public void Parse_ReferenceToAnUnsafeUrl_IsRefusedAtTheLink()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\nSee [this][x].\n\n[x]: javascript:alert(1)"));

        Assert.Contains("'javascript:alert(1)' is not allowed", error.Message);
        Assert.Equal((19, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_SetextHeadingOfTwoLines_StartsOnItsFirstLine()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", "Ninja\nTune\n---", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("Ninja Tune", 10), (result.Value!.Entries[0].Name, result.Value.Entries[0].Line));
    }

    [Fact]
    public void Parse_SetextHeading_IsAnEntryNamedByItsText()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", "Ninja Tune\n----------", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(("Ninja Tune", "ninja-tune", 10), (result.Value!.Entries[0].Name, result.Value.Entries[0].Slug, result.Value.Entries[0].Line));
    }

    [Theory]
    [InlineData("## *Ninja Tune*", "Ninja Tune")]
    [InlineData("## **Ninja** _Tune_", "Ninja Tune")]
    [InlineData("## `Ninja` Tune ##", "Ninja Tune")]
    [InlineData("## \\[PIAS\\] \\*Ninja\\*", "[PIAS] *Ninja*")]
    [InlineData("## Ninja &amp; Tune", "Ninja & Tune")]
    [InlineData("## [Ninja Tune](https://ninjatune.net)", "Ninja Tune")]
    public void Parse_HeadingWithMarks_IsNamedByTheTextAReaderSees(string heading, string name)
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", heading, StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Value!.Entries[0].Name);
    }

    [Fact]
    public void Parse_FactKeyWithColonAfterTheBold_IsRead()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **City**: London", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["London"], result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "City").Values);
    }

    [Fact]
    public void Parse_FactValueWrappedOntoTheNextLine_IsOneValue()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("Mr. Scruff, Amon Tobin", "Mr. Scruff,\n  Amon Tobin", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["DJ Food", "Mr. Scruff", "Amon Tobin"], result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Artists").Values);
    }

    [Theory]
    [InlineData("title: [Test, labels", "the '[' here is never closed with ']'", 2)]
    [InlineData("title: {Test: labels", "the '{' here is never closed with '}'", 2)]
    [InlineData("title: [", "the '[' here is never closed with ']'", 2)]
    [InlineData("title: Test: labels: broken", "put the whole value in double quotes", 2)]
    [InlineData("title: \"Test labels", "A quote is opened and never closed", 2)]
    public void Parse_BrokenYaml_IsTranslatedIntoWhatToDoAndKeepsTheLibrarysWords(string title, string advice, int line)
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", title, StringComparison.Ordinal));

        Assert.StartsWith("This is not valid YAML: ", error.Message);
        Assert.Contains(advice, error.Message, StringComparison.OrdinalIgnoreCase);
        // The library's own words are kept for developers where it said something of the text; where it only threw
        // .NET's "Operation is not valid due to the current state of the object." (an unclosed bracket), they are left out.
        if (advice.Contains("never closed with", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("Operation is not valid", error.Message);
        }
        else
        {
            Assert.Contains("(YAML library: ", error.Message);
        }

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_FrontMatterNested10000BracketsDeep_IsRefusedBeforeYamlReadsIt()
    {
        var brackets = string.Join("\n", Enumerable.Repeat(Repeat("[", 1_000), 10));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: " + brackets, StringComparison.Ordinal));

        Assert.Contains("nested too deeply or too many", error.Message);
        Assert.Equal((2, 7 + 33), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_FrontMatterNested50000BracketsDeepOverManyLines_IsRefusedForItsSize()
    {
        var brackets = string.Join("\n", Enumerable.Repeat(Repeat("[", 5_000), 10));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: " + brackets, StringComparison.Ordinal));

        Assert.Contains("The front matter is 50,087 bytes long; the site reads at most 16,384.", error.Message);
        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_FrontMatterValueOf50000Brackets_IsRefusedForItsLength()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: " + Repeat("[", 50_000), StringComparison.Ordinal));

        Assert.Contains("Line 2 is 50,007 characters long", error.Message);
    }

    [Fact]
    public void Parse_FrontMatterBracketsNestedOverSeveralLines_AreCounted()
    {
        var error = SingleError(WithFrontMatterLine("aliases:\n" + Repeat("  [\n", 40)));

        Assert.Contains("nested too deeply", error.Message);
        Assert.Equal(6 + 33, error.Line);
    }

    [Fact]
    public void Parse_FrontMatterBracketsInQuotes_AreText()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: \"" + Repeat("[", 40) + "\"", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Repeat("[", 40), result.Value!.Title);
    }

    [Fact]
    public void Parse_FrontMatterIndentedAHundredLevels_IsRefusedBeforeYamlReadsIt()
    {
        var nested = string.Join("\n", Enumerable.Range(1, 100).Select(level => new string(' ', level) + "a:"));
        var error = SingleError(WithFrontMatterLine("draft:\n" + nested));

        Assert.Contains("nested more than 32 levels deep", error.Message);
        Assert.Equal(6 + 32, error.Line);
    }

    [Fact]
    public void Parse_LargeFrontMatter_IsRefusedWithTheLimit()
    {
        var error = SingleError(WithFrontMatterLine("draft: false" + Repeat("\n# a comment line to make it long", 1_000)));

        Assert.Contains("The front matter is", error.Message);
        Assert.Contains("at most 16,384", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_YamlAliasBombInFrontMatter_IsRefusedAtTheAnchor()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]";
        var error = SingleError(WithFrontMatterLine(bomb));

        Assert.Contains("'&a' is a YAML anchor", error.Message);
        Assert.Equal((6, 4), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_ValueStartingWithAnAsterisk_IsAskedToBeQuoted()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: *NSYNC and friends", StringComparison.Ordinal));

        Assert.Contains("'*NSYNC' is a YAML alias", error.Message);
        Assert.Contains("double quotes", error.Message);
        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("Rock & Roll, Drum&Bass and *stars*")]
    [InlineData("well-*known* labels")]
    [InlineData("Don't [stop]")]
    public void Parse_AmpersandsAsterisksAndApostrophesInText_AreNotMistakenForYaml(string title)
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: " + title, StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(title, result.Value!.Title);
    }

    [Fact]
    public void Parse_TabInFrontMatter_IsReportedOnItsOwnLine()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("kind: labels", "kind: labels\n\tdraft: true", StringComparison.Ordinal));

        // Front-matter keys start at the margin: "indent with spaces" would only trade this error for another.
        Assert.Equal("Line 4 starts with a tab, which YAML does not accept; this line belongs at the beginning of the line, like the one "
            + "above it. Write it as 'draft: true'.", error.Message);
        Assert.Equal((4, 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("aliases: [old-labels, labels-2021]")]
    [InlineData("aliases:\n  - old-labels\n  - labels-2021")]
    [InlineData("aliases: old-labels, labels-2021")]
    public void Parse_ArticleAliasesAsYamlListOrCommas_AreRead(string aliases)
    {
        var result = Parse(WithFrontMatterLine(aliases));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["old-labels", "labels-2021"], result.Value!.Aliases);
    }

    [Fact]
    public void Parse_AliasThatIsNotASlug_PointsAtThatItem()
    {
        var error = SingleError(WithFrontMatterLine("aliases: [old-labels, Old Labels]"));

        Assert.Contains("'Old Labels' is not an article address", error.Message);
        Assert.Equal((6, 23), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_BlockQuotes128Deep_AreRefusedWithTheLine()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat(">", 128) + " deep"));

        Assert.Contains("Line 19 is nested 128 levels deep", error.Message);
        Assert.Equal((19, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_Brackets128Deep_AreRefusedAtTheFirstBracketTooMany()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\nSee " + Repeat("[", 128) + "x" + Repeat("]", 128)));

        Assert.Contains("nested more than 16 deep", error.Message);
        Assert.Equal((19, 4 + 17), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_List64Deep_IsRefusedAtTheFirstLineTooDeep()
    {
        var list = string.Join("\n", Enumerable.Range(0, 64).Select(level => new string(' ', 2 * level) + "- item"));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + list));

        Assert.Contains("nested 13 levels deep", error.Message);
        Assert.Equal(19 + 12, error.Line);
    }

    [Fact]
    public void Parse_FiveThousandNestedListsOnOneLine_AreRefused()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat("- ", 4_999) + "x"));

        Assert.Contains("Line 19 is nested 4,999 levels deep", error.Message);
    }

    [Fact]
    public void Parse_SixHundredListsNestedByIndentation_AreRefusedAtTheFirstLineTooDeep()
    {
        var list = string.Join("\n", Enumerable.Range(0, 600).Select(level => new string(' ', 2 * level) + "- item"));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + list));

        Assert.Contains("nested 13 levels deep", error.Message);
        Assert.Equal(19 + 12, error.Line);
    }

    [Fact]
    public void Parse_LineOf100000Characters_IsRefusedNamingTheLine()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat("a", 100_000)));

        Assert.Contains("Line 19 is 100,000 characters long", error.Message);
        Assert.Equal((19, 10_001), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_UnclosedLinkOpeners40000Times_AreRefused()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat("[a](", 40_000)));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => error.Line == 19 && error.Message.Contains("160,000 characters long", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnclosedLinkOpenersOverManyShortLines_AreRefusedPerParagraph()
    {
        var paragraph = string.Join("\n", Enumerable.Repeat(Repeat("[a](", 100), 400));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + paragraph));

        Assert.Contains("The paragraph that starts on line 19 has more than 128 links", error.Message);
        Assert.Equal((20, (4 * 28) + 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_LinkAddressesThatRunToTheEndOfLongLines_AreRefusedOnceTheFileHasTooMany()
    {
        // Each line makes Markdig read about 920,000 characters looking for the ends of its 100 link addresses;
        // the 55th line takes the file past 50 million.
        var paragraphs = string.Join("\n\n", Enumerable.Repeat(Repeat("[a](", 100) + Repeat("x", 9_000), 60));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + paragraphs));

        Assert.Contains("Line 127 has many links opened with '](' whose address goes on", error.Message);
        Assert.Equal((127, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_Table_IsRendered()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\n| Year | Event |\n| - | - |\n| 1990 | *Founded* |"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("<td><em>Founded</em></td>", result.Value!.Entries[0].BodyHtml);
    }

    [Fact]
    public void Parse_TableOfMoreThanAHundredRows_IsRefusedAtTheFirstRowTooMany()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n| a | b |\n| - | - |\n" + Repeat("| c | d |\n", 200)));

        Assert.Contains("The paragraph or table that starts on line 19 has more than 100 lines with '|'", error.Message);
        Assert.Equal((119, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_TableRowsAfterAFactInAListItem_AreRefusedNotReadForSeconds()
    {
        // Found by a mutation run: a pipe table continuing a list item with bold text took Markdig 5 s at 4,000 rows.
        var rows = "|a|b|\n" + Repeat("|-|-|\n|c|d||a|b|\n", 1_000);
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **City:** London\n" + rows, StringComparison.Ordinal)));

        Assert.Contains("has more than 100 lines with '|'", error.Message);
        Assert.Equal(13 + 101, error.Line);
    }

    [Fact]
    public void Parse_MoreThanTenThousandTableCellsInAFile_AreRefused()
    {
        var tables = string.Join("\n\n", Enumerable.Repeat(string.Join("\n", Enumerable.Repeat("|a|b|c|d|", 50)), 60));
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + tables));

        Assert.Contains("this file has more than 10,000 '|'", error.Message);
        Assert.Equal(19 + (40 * 51), error.Line);
    }

    [Fact]
    public void Parse_ManyLinksInSeparateParagraphs_AreRead()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Repeat("See [Loppen](/venues/loppen).", 300));
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\n" + paragraphs));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(300, result.Value!.Links.Count);
    }

    [Fact]
    public void Parse_UnmatchedEmphasisMarksBeyondTheLimit_AreRefusedPerParagraph()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat("*a ", 2_000)));

        Assert.Contains("has more than 200 of the marks", error.Message);
        Assert.Equal((19, (3 * 200) + 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_EmphasisMarksNestedPastMarkdigsDepthLimit_AreRefusedAtTheMarkTooMany()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\n" + Repeat("*", 270) + "deep" + Repeat("*", 270)));

        Assert.Contains("The paragraph that starts on line 19 has more than 200 of the marks", error.Message);
        Assert.Equal((19, 201), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_FiftyBoldKeysInOneList_AreRead()
    {
        var list = string.Join("\n", Enumerable.Range(1, 50).Select(index => $"- **Key {index}:** value"));
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\nA list:\n\n" + list));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Parse_ArticleOf10000Entries_IsRefusedAtTheFirstEntryTooMany()
    {
        var entries = Enumerable.Range(1, 10_000).Select(index => $"## Label {index}\n\n- **Country:** Belgium\n- **Founded:** 1990");
        var result = Parse(WithBody(string.Join("\n\n", entries)));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("This article has 10,000 entries; the site reads at most 1,000", error.Message);
        Assert.Equal(8 + (1_000 * 5), error.Line);
    }

    [Fact]
    public void Parse_ArticleOf1000Entries_IsRead()
    {
        var entries = Enumerable.Range(1, 1_000).Select(index => $"## Label {index}\n\n- **Country:** Belgium\n- **Founded:** 1990");
        var result = Parse(WithBody(string.Join("\n\n", entries)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Take(3)));
        Assert.Equal(1_000, result.Value!.Entries.Count);
    }

    [Theory]
    [InlineData("1-99999999999999999999")]
    [InlineData("99999999999999999999")]
    public void Parse_CapacityBeyondTheLargestNumber_IsAClearError(string capacity)
    {
        var result = _parser.Parse("articles/2021-02-venues.md", ArticleText.With($"""
            ## Olympia

            - **Country:** France
            - **City:** Paris
            - **Capacity:** {capacity}
            """).Replace("kind: labels", "kind: venues", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Contains($"'{capacity}' is too large a number for 'Capacity'", error.Message);
        Assert.Equal((14, 17), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_YearInAnotherScriptsDigits_IsAnErrorNotACrash()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("- **Founded:** 1990", "- **Founded:** ١٩٩٠", StringComparison.Ordinal)));

        Assert.Contains("is not a year for 'Founded'", error.Message);
    }

    [Fact]
    public void Parse_EmailAutolink_IsAMailtoLinkAndAllowed()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\nWrite to <info@example.org>."));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("href=\"mailto:info@example.org\"", result.Value!.Entries[0].BodyHtml);
    }

    [Fact]
    public void Parse_HundredsOfMistakes_ReportsTheFirstHundredAndHowManyMore()
    {
        var entries = Enumerable.Range(1, 150).Select(index => $"## Label {index}\n\n- **Country:** Belgium\n- **Founded:** soon");
        var result = Parse(WithBody(string.Join("\n\n", entries)));

        Assert.Equal(ParserLimits.MaxErrorsPerFile + 1, result.Errors.Count);
        Assert.Equal("50 more errors from here on are not shown. Fix the ones above and save again.", result.Errors[^1].Message);
        Assert.Equal(result.Errors[^2].Line + 5, result.Errors[^1].Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n---\n")]
    public void Parse_EmptyFrontMatter_AsksForItsLines(string laterFence)
    {
        var error = SingleError("---\n---\n\n" + ArticleText.NinjaTune + laterFence);

        Assert.StartsWith("The front matter is empty.", error.Message);
        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_FrontMatterClosedWithDots_IsAccepted()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune).Replace("tests.\n---", "tests.\n...", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
