using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

public sealed class ArticleParserTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    private ParseResult<ParsedArticle> Parse(string text, string file = ArticleText.FileName) => _parser.Parse(file, text);

    private ContentError SingleError(string text, string file = ArticleText.FileName)
    {
        var result = Parse(text, file);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_WellFormedArticle_ReadsFrontMatterEntriesAndTypedFacts()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune, """
            ## [PIAS]

            - **Country:** Belgium
            - **Founded:** 1983

            Founded as Play It Again Sam.
            """));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var article = result.Value!;
        Assert.Equal("test-labels", article.Slug);
        Assert.Equal("Test labels", article.Title);
        Assert.Equal("labels", article.Kind);
        Assert.Equal(new DateOnly(2021, 4, 1), article.Published);
        Assert.Contains("<p>An intro paragraph.</p>", article.IntroHtml);
        Assert.Equal(["Ninja Tune", "[PIAS]"], article.Entries.Select(entry => entry.Name));
        Assert.Equal(["ninja-tune", "pias"], article.Entries.Select(entry => entry.Slug));
        Assert.Equal([1, 2], article.Entries.Select(entry => entry.Rank));

        var ninja = article.Entries[0];
        Assert.Equal(["DJ Food", "Mr. Scruff", "Amon Tobin"], ninja.Facts.Single(fact => fact.Definition.Key == "Artists").Values);
        Assert.Equal(["Country", "City", "Founded", "Artists"], ninja.Facts.Select(fact => fact.Definition.Key));
        Assert.Contains("<em>ninja</em>", ninja.BodyHtml);
        Assert.DoesNotContain("Founded", ninja.BodyHtml);
        Assert.Equal("A London label with a famous ninja logo.", ninja.BodyText);
    }

    // Found by replay 8: a typo such as 0021 dated an article before every other one.
    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("0021-03-01", false)]
    [InlineData("1899-12-31", false)]
    [InlineData("1900-01-01", true)]
    public void Parse_PublishedBeforeTheSeriesBegan_IsRefusedAtItsLine(string date, bool taken)
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune).Replace("published: 2021-04-01", $"published: {date}", StringComparison.Ordinal));

        Assert.Equal(taken, result.Succeeded);
        if (!taken)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(4, error.Line);
            Assert.Contains("is before 1900", error.Message);
        }
    }

    [Fact]
    public void Parse_FactKeysAreCaseInsensitiveAndCountryVariantsAreNormalised()
    {
        var result = Parse(ArticleText.With("""
            ## Ninja Tune

            - **country:** UK
            - **FOUNDED:** 1990
            """));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["United Kingdom"], result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Country").Values);
    }

    [Fact]
    public void Parse_UnknownFactKey_SuggestsNearestKeyWithLineAndColumn()
    {
        var error = SingleError(ArticleText.With("""
            ## Ninja Tune

            - **Country:** United Kingdom
            - **Founded:** 1990
            - **Genre:** Electronic
            """));

        Assert.Contains("Unknown fact 'Genre'", error.Message);
        Assert.Contains("Did you mean 'Genres'?", error.Message);
        Assert.Equal(ArticleText.FileName, error.File);
        Assert.Equal(14, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void Parse_MissingRequiredFact_NamesTheFactAndTheFix()
    {
        var error = SingleError(ArticleText.With("""
            ## Ninja Tune

            - **Country:** United Kingdom
            """));

        Assert.Contains("'Ninja Tune' has no 'Founded'", error.Message);
        Assert.Contains("- **Founded:** ...", error.Message);
        Assert.Equal(10, error.Line);
    }

    [Fact]
    public void Parse_EntryWithoutFactsList_ReportsEveryRequiredFact()
    {
        var result = Parse(ArticleText.With("""
            ## Ninja Tune

            Just prose, no facts.
            """));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Contains("in a list right under the heading", error.Message));
    }

    [Theory]
    [InlineData("199O")]
    [InlineData("90")]
    [InlineData("nineteen ninety")]
    [InlineData("3000")]
    public void Parse_BadYear_SaysHowToWriteAYear(string year)
    {
        var error = SingleError(ArticleText.With($"""
            ## Ninja Tune

            - **Country:** United Kingdom
            - **Founded:** {year}
            """));

        Assert.Contains($"'{year}' is not a year for 'Founded'", error.Message);
        Assert.Equal(13, error.Line);
        Assert.Equal(16, error.Column);
    }

    [Theory]
    [InlineData("c. 2000", "c. 2000")]
    [InlineData("circa 2000", "c. 2000")]
    [InlineData("C.2000", "c. 2000")]
    public void Parse_ApproximateYear_IsKeptAsApproximate(string written, string stored)
    {
        var result = Parse(ArticleText.With($"""
            ## Startracks

            - **Country:** Sweden
            - **Founded:** {written}
            """));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([stored], result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Founded").Values);
    }

    [Fact]
    public void Parse_UnknownCountry_SuggestsNearestCountry()
    {
        var error = SingleError(ArticleText.With("""
            ## Ninja Tune

            - **Country:** Untied Kingdom
            - **Founded:** 1990
            """));

        Assert.Contains("'Untied Kingdom' is not a country", error.Message);
        Assert.Contains("Did you mean 'United Kingdom'?", error.Message);
        Assert.Equal(12, error.Line);
    }

    [Fact]
    public void Parse_UnknownKind_SuggestsNearestKindAndPointsAtTheLine()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("kind: labels", "kind: lables", StringComparison.Ordinal));

        Assert.Contains("Unknown kind 'lables'", error.Message);
        Assert.Contains("Did you mean 'labels'?", error.Message);
        Assert.Contains("content/kinds.yml", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_DuplicateSlugWithinArticle_IsAnError()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune, ArticleText.NinjaTune.Replace("## Ninja Tune", "## Ninja-Tune", StringComparison.Ordinal)));

        Assert.Contains("/labels/ninja-tune", error.Message);
        Assert.Contains("'Ninja Tune' above it", error.Message);
    }

    [Fact]
    public void Parse_MissingFrontMatter_SaysHowToStartTheFile()
    {
        var error = SingleError(ArticleText.NinjaTune);

        Assert.Contains("no front matter", error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_UnclosedFrontMatter_IsAnError()
    {
        var error = SingleError("---\ntitle: x\nkind: labels\n");

        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Parse_MissingFrontMatterKey_NamesIt()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("summary: A small article for tests.\n", "", StringComparison.Ordinal));

        Assert.Contains("no 'summary'", error.Message);
    }

    /// <summary>YAML takes a value's leading '!' (and what follows it) as a tag, out of the text, without an error.</summary>
    [Fact]
    public void Parse_AValueStartingWithAnExclamationMark_IsRefusedWithTheQuotesThatKeepIt()
    {
        var text = ArticleText.With(ArticleText.NinjaTune).Replace("summary: A small article for tests.", "summary: !Important labels of the year.", StringComparison.Ordinal);

        var error = SingleError(text);

        Assert.Contains("YAML reads the '!Important' that starts this value as a tag", error.Message);
        Assert.Contains("double quotes", error.Message);
        Assert.Equal(text.Split('\n').ToList().FindIndex(line => line.StartsWith("summary:", StringComparison.Ordinal)) + 1, error.Line);
    }

    [Fact]
    public void Parse_UnknownFrontMatterKey_SuggestsNearest()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("published:", "publised:", StringComparison.Ordinal)
            .Replace("title:", "published: 2021-04-01\ntitle:", StringComparison.Ordinal));

        Assert.Contains("Unknown key 'publised'", error.Message);
        Assert.Contains("Did you mean 'published'?", error.Message);
    }

    [Fact]
    public void Parse_BadPublishedDate_SaysTheFormat()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("2021-04-01", "April 2021", StringComparison.Ordinal));

        Assert.Contains("'April 2021' is not a date", error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Parse_InvalidYaml_PointsAtTheLine()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("title: Test labels", "title: Test: labels: broken", StringComparison.Ordinal));

        Assert.Contains("not valid YAML", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_FileNameWithoutMonth_AsksForTheNamingPattern()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune), "articles/labels.md");

        Assert.Contains("YYYY-MM-slug.md", error.Message);
    }

    [Fact]
    public void Parse_NoEntries_IsAnError()
    {
        var error = SingleError(ArticleText.FrontMatter + "\n\nOnly an intro.\n");

        Assert.Contains("no entries", error.Message);
    }

    [Fact]
    public void Parse_LevelOneHeading_IsRefused()
    {
        var error = SingleError(ArticleText.With("# A big title", ArticleText.NinjaTune));

        Assert.Contains("Level-1 headings", error.Message);
    }

    [Fact]
    public void Parse_MalformedFactLine_SaysHowToWriteIt()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- City: London", StringComparison.Ordinal)));

        Assert.Contains("not written as '- **Key:** value'", error.Message);
        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Parse_SameFactTwice_IsAnError()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **City:** London\n- **City:** Leeds", StringComparison.Ordinal)));

        Assert.Contains("'City' is given twice", error.Message);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "not allowed")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "not allowed")]
    [InlineData("[x](labels/ninja-tune)", "is relative")]
    public void Parse_UnsafeOrRelativeLink_IsRefused(string link, string expected)
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune + "\n\nSee " + link + "."));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_SiteLinks_AreCollectedForTheImporterToCheck()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\nSee [Loppen](/venues/loppen#history) and [IMPALA](https://www.impalamusic.org)."));

        var link = Assert.Single(result.Value!.Links);
        Assert.Equal("/venues/loppen", link.Path);
        Assert.Equal(19, link.Line);
    }

    [Fact]
    public void Parse_SlugOverrideAndAliases_AreRead()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **City:** London\n- **Slug:** ninja\n- **Aliases:** ninja-tune-records, ninjatune", StringComparison.Ordinal)));

        var entry = result.Value!.Entries[0];
        Assert.Equal("ninja", entry.Slug);
        Assert.Equal(["ninja-tune-records", "ninjatune"], entry.Aliases);
    }

    [Fact]
    public void Parse_ArticleAliases_AreReadFromTheFrontMatter()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune).Replace("kind: labels", "kind: labels\naliases: old-labels, labels-2021", StringComparison.Ordinal));

        Assert.Equal(["old-labels", "labels-2021"], result.Value!.Aliases);
    }

    [Theory]
    [InlineData("aliases: test-labels", "this article's own address")]
    [InlineData("aliases: old-labels, old-labels", "in 'aliases' twice")]
    public void Parse_ArticleAliasThatIsItsOwnAddressOrRepeated_IsRefusedAtItsLine(string aliases, string expected)
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune).Replace("kind: labels", "kind: labels\n" + aliases, StringComparison.Ordinal));

        Assert.Contains(expected, error.Message);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Parse_SlugThatIsNotUrlSafe_SuggestsTheSafeForm()
    {
        var error = SingleError(ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **Slug:** Ninja Tune!", StringComparison.Ordinal)));

        Assert.Contains("'ninja-tune'", error.Message);
    }

    [Theory]
    [InlineData("1,996", "1996")]
    [InlineData("15,000", "15000")]
    [InlineData("1,600-2,000", "1600-2000")]
    [InlineData("1600 – 2000", "1600-2000")]
    public void Parse_NumbersAndRanges_AreStoredWithoutSeparators(string written, string stored)
    {
        var result = _parser.Parse("articles/2021-02-venues.md", ArticleText.With($"""
            ## Olympia

            - **Country:** France
            - **City:** Paris
            - **Capacity:** {written}
            """).Replace("kind: labels", "kind: venues", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([stored], result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Capacity").Values);
    }

    [Fact]
    public void Parse_RawHtml_IsNotRenderedAsHtml()
    {
        var result = Parse(ArticleText.With(ArticleText.NinjaTune + "\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>"));

        var html = result.Value!.Entries[0].BodyHtml;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Parse_SeveralMistakes_AreAllReportedAtOnce()
    {
        var result = Parse(ArticleText.With("""
            ## Ninja Tune

            - **Country:** Atlantis
            - **Founded:** soon
            - **Colour:** red
            """));

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndByteOrderMark_AreAccepted()
    {
        var result = Parse("\uFEFF" + ArticleText.With(ArticleText.NinjaTune).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
