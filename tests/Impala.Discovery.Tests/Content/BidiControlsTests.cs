using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Direction controls (U+202A–U+202E, U+2066–U+2069) are refused at the check wherever they are written, so that none
/// reaches a page's heading, its title or its JSON-LD (issue 21: a U+202E in a name reached all three). Direction
/// marks, which right-to-left writing uses, are read.
/// </summary>
public sealed class BidiControlsTests
{
    private static readonly string[] PagesThatListEntries = ["/", "/labels", "/series", "/search?q=evil", "/api/v1/labels", "/feed.xml", "/sitemap.xml"];

    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    private static string Named(string name) => ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", "## " + name, StringComparison.Ordinal));

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    public void Parse_DirectionControlInAName_IsRefusedAtItsColumnWithTheFix(char control)
    {
        var result = _parser.Parse(ArticleText.FileName, Named($"Ninja{control}Tune"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((10, 9), (error.Line, error.Column));
        Assert.StartsWith($"Line 10 has an invisible direction control, ", error.Message);
        Assert.Contains($"(U+{(int)control:X4}), at column 9", error.Message);
        Assert.Contains("Delete it: retype the text around column 9", error.Message);
    }

    [Theory]
    [InlineData("Evil&#x202E;ebaz Records", "U+202E")]
    [InlineData("Evil&#8238;ebaz Records", "U+202E")]
    [InlineData("Par&#x2067;is Records", "U+2067")]
    public void Parse_DirectionControlWrittenAsAnEntityInAName_IsRefusedAtTheHeading(string name, string codePoint)
    {
        var result = _parser.Parse(ArticleText.FileName, Named(name));

        var error = Assert.Single(result.Errors);
        Assert.Equal(10, error.Line);
        Assert.Contains($"The name of the entry on line 10 holds an invisible direction control, ", error.Message);
        Assert.Contains($"({codePoint})", error.Message);
        Assert.Contains("Delete the entity or escape", error.Message);
    }

    [Fact]
    public void Parse_DirectionControlWrittenAsAnEntityInAFactOrAsAnEscapeInTheTitle_IsRefused()
    {
        var text = ArticleText.With(ArticleText.NinjaTune.Replace("- **City:** London", "- **City:** Lon&#x202E;don", StringComparison.Ordinal))
            .Replace("title: ", "title: \"Probe \\u202Eslebal\" #", StringComparison.Ordinal);

        var result = _parser.Parse(ArticleText.FileName, text);

        Assert.Contains(result.Errors, error => error.Message.StartsWith("The title holds an invisible direction control, right-to-left override (U+202E)", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Line == 10 && error.Message.StartsWith("A value of 'City' under 'Ninja Tune' holds", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DirectionControlsInTheTitleAndAFact_AreEachRefusedAtTheirLine()
    {
        var text = Named("Ninja Tune")
            .Replace("title: Test labels", "title: Test \u202Elabels", StringComparison.Ordinal)
            .Replace("- **City:** London", "- **City:** \u2067London\u2069", StringComparison.Ordinal);

        var errors = _parser.Parse(ArticleText.FileName, text).Errors;

        Assert.Equal([(2, 13, "U+202E"), (13, 13, "U+2067")], errors.Select(error => (error.Line, error.Column, error.Message.Split('(', ')')[1])));
    }

    [Fact]
    public void Parse_DirectionMarksOfRightToLeftWriting_AreRead()
    {
        var name = "\u05E0\u05E2\u05E8\u05D5\u05EA\u200F Records\u200E";

        var result = _parser.Parse(ArticleText.FileName, Named(name));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Value!.Entries[0].Name);
    }

    [Fact]
    public void ParseKinds_DirectionControlInAKindsName_IsRefusedAtItsLine()
    {
        var result = KindCatalogParser.Parse("kinds.yml", KindsText.OnlyManagers.Replace("singular: Manager", "singular: \u202EManager", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 15), (error.Line, error.Column));
        Assert.Contains("right-to-left override (U+202E)", error.Message);
    }

    [Fact]
    public void ParseRemovals_DirectionControlInAReason_IsRefusedAtItsColumnWithTheFix()
    {
        var result = RemovalRecords.Parse("removed:\n  - path: /labels/warp\n    reason: Warp \u202Easked to leave.\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((RemovalRecords.FileName, 3, 18), (error.File, error.Line, error.Column));
        Assert.Contains("right-to-left override (U+202E), at column 18", error.Message);
        Assert.Contains("Delete it: retype the text around column 18", error.Message);
    }

    [Fact]
    public void ParseRemovals_DirectionControlWrittenAsAnEscape_IsRefusedAtTheReason()
    {
        var result = RemovalRecords.Parse("removed:\n  - path: /labels/warp\n    reason: \"Warp \\u2067asked to leave.\"\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((RemovalRecords.FileName, 3, 13), (error.File, error.Line, error.Column));
        Assert.Contains("right-to-left isolate (U+2067), written as an escape such as \\u2067", error.Message);
        Assert.Contains("Delete the escape from the reason.", error.Message);
    }

    [Fact]
    public void ParseRemovals_DirectionMarksInAReason_AreRead()
    {
        var result = RemovalRecords.Parse("removed:\n  - path: /labels/barby\n    reason: \u05D1\u05E8\u05D1\u05D9\u200F closed in 2026.\u200E\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task Check_DirectionControlInRemovedYml_IsAnErrorAtItsLineAndColumn()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, RemovalRecords.FileName), "removed:\n  - path: /labels/warp\n    reason: Gone \u2066for good.\n");

        var (exit, lines) = await ContentCheckTests.CheckAsync(content);

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.StartsWith($"{content}/{RemovalRecords.FileName}:3:18: error: Line 3 has an invisible direction control, left-to-right isolate (U+2066)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Site_RemovedYmlWithADirectionControl_IsRefusedAndItsReasonShownNowhere()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, RemovalRecords.FileName), "removed:\n  - path: /labels/warp\n    reason: \"Warp \\u202Eevael ot deksa.\"\n");
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var page = await client.GetAsync("/labels/warp", token);
        var api = await client.GetAsync("/api/v1/labels/warp", token);
        var health = await client.GetAsync("/health/ready", token);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain('\u202E', await page.Content.ReadAsStringAsync(token) + await api.Content.ReadAsStringAsync(token));
        Assert.Contains("Degraded", await health.Content.ReadAsStringAsync(token));
    }

    [Fact]
    public async Task Site_ArticleWithDirectionControls_ShowsNoneOfThemAnywhere()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-direction.md"), Named("Evil\u202Eebaz Records")
            .Replace("title: Test labels", "title: Test \u202Elabels", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var entry = await client.GetAsync("/labels/evilebaz-records", token);
        var pages = await Task.WhenAll(PagesThatListEntries.Select(path => client.GetStringAsync(path, token)));

        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
        Assert.All(pages, page => Assert.DoesNotContain('\u202E', page));
        Assert.Contains("Ninja Tune", pages[1]);
    }
}
