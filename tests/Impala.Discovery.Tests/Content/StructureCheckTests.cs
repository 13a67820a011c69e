using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Mistakes that Markdown and YAML read without complaint, so that a page changed without a word before these checks:
/// each is refused on its line with the fix, and a correct article next to it still passes.
/// </summary>
public sealed class StructureCheckTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    private const string Domino = """
        ## Domino

        - **Country:** United Kingdom
        - **City:** London
        - **Founded:** 1993
        - **Artists:** Arctic Monkeys, Anna Calvi
        """;

    private ContentError ErrorOn(int line, string text)
    {
        var result = _parser.Parse(ArticleText.FileName, text);
        Assert.False(result.Succeeded, "the mistake was accepted");
        return Assert.Single(result.Errors, error => error.Line == line);
    }

    [Fact]
    public void CorrectArticle_WithProseListsAndSubHeadings_PassesEveryCheck()
    {
        var result = _parser.Parse(ArticleText.FileName, ArticleText.With(Domino + """


            Domino started in a London flat. **Note:** bold words in prose are fine, and so is #1 at a line's start:
            #1 in the charts, and a list of values wrapped by hand:

            ### Signings

            - Arctic Monkeys
            - Anna Calvi
            """, ArticleText.NinjaTune.Replace("- **Artists:** DJ Food, Mr. Scruff, Amon Tobin", "- **Artists:** DJ Food,\nMr. Scruff, Amon Tobin", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void HeadingWithoutItsSpace_IsRefused_WithTheLineWrittenRight()
    {
        var error = ErrorOn(19, ArticleText.With(Domino, "Domino's prose.", "##Elefant Records\n\n- **Country:** Spain\n- **Founded:** 1989"));

        Assert.Equal(1, error.Column);
        Assert.Contains("'Elefant Records' does not start an entry", error.Message);
        Assert.EndsWith("Write it as '## Elefant Records'.", error.Message);
    }

    [Fact]
    public void ParagraphGluedToTheFactsList_IsRefused_AskingForTheBlankLine()
    {
        var error = ErrorOn(16, ArticleText.With(Domino + "\nDomino started in a London flat."));

        Assert.Contains("read as part of the fact 'Artists'", error.Message);
        Assert.EndsWith("Put a blank line above line 16.", error.Message);
    }

    [Fact]
    public void OneStarBulletAmongDashes_IsRefused_AndTheFactsAfterItAreNotCalledStrays()
    {
        var text = ArticleText.With(Domino.Replace("- **City:**", "* **City:**", StringComparison.Ordinal));

        var error = ErrorOn(13, text);

        Assert.Contains("starts with '*' where the other facts start with '-'", error.Message);
        Assert.EndsWith("Write it as '- **City:** London'.", error.Message);
        Assert.DoesNotContain(_parser.Parse(ArticleText.FileName, text).Errors, other => other.Message.Contains("outside the facts list", StringComparison.Ordinal));
    }

    [Fact]
    public void NumberedFact_IsRefused_WithTheBulletItNeeds()
    {
        var error = ErrorOn(13, ArticleText.With(Domino.Replace("- **City:**", "2. **City:**", StringComparison.Ordinal)));

        Assert.StartsWith("Line 13 starts with '2.' where the other facts start with '-'", error.Message);
        Assert.EndsWith("Write it as '- **City:** London'.", error.Message);
    }

    [Fact]
    public void FactIndentedUnderTheOneAbove_IsRefused_InsteadOfVanishing()
    {
        var error = ErrorOn(13, ArticleText.With(Domino.Replace("- **City:**", "  - **City:**", StringComparison.Ordinal)));

        Assert.StartsWith("Line 13 is indented, so Markdown reads it as part of the fact 'Country' above it", error.Message);
        Assert.EndsWith("Write it as '- **City:** London'.", error.Message);
    }

    [Theory]
    [InlineData("– City: Cologne", "–")]
    [InlineData("• **City:** Cologne", "•")]
    [InlineData("— City: Cologne", "—")]
    public void WordProcessorBullet_IsRefused_WithTheFactWrittenAsMarkdown(string line, string mark)
    {
        var text = ArticleText.With(Domino.Replace("- **City:** London", line, StringComparison.Ordinal));

        var error = _parser.Parse(ArticleText.FileName, text).Errors[0];

        Assert.Equal(13, error.Line);
        Assert.Contains($"starts with '{mark}', which Markdown does not read as a list bullet", error.Message);
        Assert.EndsWith("Write it as '- **City:** Cologne'.", error.Message);
    }

    [Theory]
    [InlineData("title: Test labels", "title: Our #1 labels", 2, "title", "Our", "title: \"Our #1 labels\"")]
    [InlineData("summary: A small article for tests.", "summary: Twenty labels # and why", 5, "summary", "Twenty labels", "summary: \"Twenty labels # and why\"")]
    public void HashInAFrontMatterValue_IsRefused_AskingForQuotes(string find, string line, int number, string key, string cut, string fixedLine)
    {
        var text = ArticleText.With(Domino).Replace(find, line, StringComparison.Ordinal);

        var error = ErrorOn(number, text);

        Assert.Contains($"so '{key}' would be '{cut}'", error.Message);
        Assert.EndsWith($"Write it as '{fixedLine}'.", error.Message);
    }

    [Fact]
    public void CommentAfterAValueThatIsNotText_IsStillAllowed()
    {
        var text = ArticleText.With(Domino).Replace("kind: labels", "kind: labels            # a kind declared in content/kinds.yml", StringComparison.Ordinal);

        Assert.True(_parser.Parse(ArticleText.FileName, text).Succeeded);
    }

    [Fact]
    public void FactLineBelowTheProse_IsRefused_NamingTheEntry()
    {
        var error = ErrorOn(19, ArticleText.With(Domino + "\n\nDomino started in a London flat.\n\n- **Genres:** Indie rock"));

        Assert.StartsWith("'Genres' on line 19 is written as a fact but lies outside the facts list of 'Domino'", error.Message);
    }

    [Fact]
    public void FactLineInTheIntroduction_IsRefused_AsAnEntryWithoutItsHeading()
    {
        var text = ArticleText.With(Domino).Replace("An intro paragraph.", "An intro paragraph.\n\n- **Country:** Spain\n- **Founded:** 1989", StringComparison.Ordinal);

        var errors = _parser.Parse(ArticleText.FileName, text).Errors;

        Assert.Equal([10, 11], errors.Select(error => error.Line));
        Assert.All(errors, error => Assert.Contains("comes before the first entry", error.Message));
    }

    [Theory]
    [InlineData("###")]
    [InlineData("####")]
    public void DeeperHeadingOverAFactsList_IsRefused_AsAnEntryMeantWithTwoHashes(string hashes)
    {
        var error = ErrorOn(19, ArticleText.With(Domino, "Domino's prose.", $"{hashes} Elefant Records\n\n- **Country:** Spain\n- **Founded:** 1989"));

        Assert.Contains($"This '{hashes}' heading is followed by a facts list", error.Message);
        Assert.EndsWith("Write it as '## Elefant Records'.", error.Message);
    }

    [Fact]
    public void PlaceholderOfTheNewCommand_IsRefused_WhereverItIs()
    {
        var text = ArticleText.With(Domino.Replace("London", "[[A city]]", StringComparison.Ordinal));

        var error = ErrorOn(13, text);

        Assert.StartsWith("Line 13 still holds the placeholder '[[A city]]' that the new command wrote", error.Message);
    }

    [Theory]
    [InlineData("## Domino", "## Name of the first label", 10, "Name of the first label")]
    [InlineData("- **City:** London", "- **City:** …", 13, "…")]
    public void ExampleTextOfTheFormerSkeleton_IsRefused(string find, string line, int number, string example)
    {
        var text = ArticleText.With(Domino.Replace(find, line, StringComparison.Ordinal));

        var error = ErrorOn(number, text);

        Assert.StartsWith($"Line {number} still holds the example text '{example}' that the new command wrote", error.Message);
    }
}
