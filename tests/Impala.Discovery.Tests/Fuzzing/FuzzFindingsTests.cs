using System.Text;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// What the mutant fuzzer (<see cref="MutantImportTests"/>) found, each class shrunk by hand to the smallest file that
/// shows it, and pinned here as the behaviour issue 6 asks for. Each file is dropped beside the frozen articles on a
/// fresh store (a new deployment, the case where an escaped exception served no content at all): the import completes,
/// the four frozen articles are all served with their 80 entries, and the file is refused with an error that names it,
/// its line and its column, or, for valid Markdown, imported as an editor would expect.
/// </summary>
public sealed class FuzzFindingsTests
{
    private const string File = "articles/2021-04-fuzz-finding.md";
    private const int FrozenEntries = 80;

    // YamlDotNet throws other exceptions than YamlException on some malformed YAML, and nothing caught them per file:
    // InvalidOperationException from its scanner on an unclosed flow collection (the most common class, 324 of 6,000
    // mutants in a long run), InvalidOperationException from Parser.ParseDocumentStart on a leading document-end marker,
    // ArgumentException from YamlNode.ParseNode on a quoted value followed by '**' (bold, typed in front matter).
    [Theory]
    [InlineData("title: A fuzz finding", "title: [Twenty labels")]
    [InlineData("title: A fuzz finding", "title: {a: Twenty labels")]
    [InlineData("title: A fuzz finding", "aliases: [record-labels, iconic-labels\ntitle: A fuzz finding")]
    [InlineData("title: A fuzz finding", "...\ntitle: A fuzz finding")]
    [InlineData("title: A fuzz finding", "title: \"A fuzz finding\"**")]
    public async Task Import_FrontMatterYamlDotNetThrowsOn_RefusesOnlyThatFileWithItsPlace(string find, string replace)
    {
        var text = Article("labels", Entry("Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2011")).Replace(find, replace, StringComparison.Ordinal);

        await AssertRefusedBesideTheFrozenArticlesAsync(text);
    }

    // 50,000 nested brackets overflow YamlDotNet's stack: no catch can stop that, the process dies (and at start-up it
    // dies again on every restart). The import runs in a child process so that, until the input is bounded before
    // YamlDotNet sees it, this test fails rather than the whole run.
    [Fact]
    public async Task Import_FrontMatterNested50000Deep_IsRefusedWithoutEndingTheProcess()
    {
        var text = Article("labels", Entry("Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2011"))
            .Replace("title: A fuzz finding", "title: " + new string('[', 50_000) + new string(']', 50_000), StringComparison.Ordinal);

        var outcome = await ChildProcessImport.RunAsync(Path.GetFileName(File), text);

        Assert.True(outcome.ExitCode == 0, $"The import ended its process with exit code {outcome.ExitCode}:\n{outcome.Output[..Math.Min(1500, outcome.Output.Length)]}");
        Assert.Contains($"articles {FrozenContent.ArticleFileNames.Count}", outcome.Report);
        Assert.Contains($"entries {FrozenEntries}", outcome.Report);
        Assert.Contains(outcome.Report, line => Regex.IsMatch(line, $"^error {Regex.Escape(File)}:[1-9][0-9]*:[1-9][0-9]*: "));
    }

    // The same exceptions from kinds.yml: on a running site the import stopped, on a fresh store it threw.
    [Theory]
    [InlineData("    intro: Independent", "    intro: [Independent")]
    [InlineData("    intro: Independent", "    intro: {Independent")]
    [InlineData("    colour: \"#c2410c\"", "    colour: \"#c2410c\"**")]
    public async Task Import_KindsFileYamlDotNetThrowsOn_KeepsTheLastGoodCatalogueAndEveryArticle(string find, string replace)
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var kinds = Path.Combine(harness.ContentPath, ContentFolder.KindsFileName);
        System.IO.File.WriteAllText(kinds, System.IO.File.ReadAllText(kinds).Replace(find, replace, StringComparison.Ordinal));

        var report = await harness.ImportAsync();

        AssertPlaced(Assert.Single(report.Errors), ContentFolder.KindsFileName);
        Assert.Equal(FrozenEntries, report.Entries);
    }

    // What a fresh store serves with a broken catalogue is for the importer to decide (issue 6); whatever it is, the import
    // completes and says where kinds.yml is wrong.
    [Fact]
    public async Task Import_UnclosedFlowValueInKindsFileOnAFreshStore_CompletesAndNamesKindsFile()
    {
        using var harness = new ImportHarness();
        var kinds = Path.Combine(harness.ContentPath, ContentFolder.KindsFileName);
        System.IO.File.WriteAllText(kinds, System.IO.File.ReadAllText(kinds).Replace("    intro: Independent", "    intro: [Independent", StringComparison.Ordinal));

        var report = await harness.ImportAsync();

        AssertPlaced(Assert.Single(report.Errors, error => error.File == ContentFolder.KindsFileName), ContentFolder.KindsFileName);
    }

    // Markdig throws ArgumentException past its depth limit (128 levels of blocks or inlines, fewer for lists):
    // from MarkdownRenderer.Parse for block quotes and lists, from MarkdownRenderer.ToHtml for brackets and emphasis.
    [Theory]
    [InlineData("quote")]
    [InlineData("brackets")]
    [InlineData("list")]
    [InlineData("emphasis")]
    public async Task Import_ProseNestedPastMarkdigsDepthLimit_RefusesOnlyThatFileWithItsPlace(string construct)
    {
        var prose = construct switch
        {
            "quote" => new string('>', 130) + " deep",
            "brackets" => new string('[', 130) + "deep",
            "emphasis" => new string('*', 270) + "deep" + new string('*', 270),
            _ => string.Join('\n', Enumerable.Range(0, 70).Select(level => new string(' ', level * 2) + "- deep")),
        };
        var text = Article("labels", Entry("Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2011", prose));

        var error = await AssertRefusedBesideTheFrozenArticlesAsync(text);

        var proseStarts = LineOf(text, prose[..4]);
        Assert.True(error.Line >= proseStarts, $"The error should point into the entry's prose (line {proseStarts} on), not at line {error.Line}.");
    }

    // A reference-style link is valid CommonMark: ArticleParser.Slice threw ArgumentOutOfRangeException on it, whether
    // the definition sat in the entry or further down the file.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_ReferenceLinkInAnEntry_IsImportedWithTheLinkResolved(bool definedAtTheEnd)
    {
        var first = Entry("Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2011", definedAtTheEnd ? "Plays at [Loppen][l]." : "Plays at [Loppen][l].\n\n[l]: /venues/loppen");
        var second = Entry("Other Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2012", "Prose." + (definedAtTheEnd ? "\n\n[l]: /venues/loppen" : ""));
        using var harness = new ImportHarness();
        harness.WriteArticle(Path.GetFileName(File), Article("labels", first, second));

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(FrozenEntries + 2, report.Entries);
        Assert.Contains("href=\"/venues/loppen\"", (await harness.FindEntryAsync("labels", "fuzz-label"))!.BodyHtml);
        Assert.DoesNotContain("[l]:", (await harness.FindEntryAsync("labels", "other-fuzz-label"))!.BodyHtml);
    }

    // long.Parse threw OverflowException on the upper bound of a range; a single too-large number is refused already.
    [Fact]
    public async Task Import_NumberRangeBeyondWhatTheStoreHolds_IsRefusedOnItsLine()
    {
        var text = Article("venues", Entry("Fuzz Venue", "- **Country:** Ireland\n- **City:** Dublin\n- **Capacity:** 1-99999999999999999999"));

        var error = await AssertRefusedBesideTheFrozenArticlesAsync(text);

        Assert.Equal(LineOf(text, "- **Capacity:**"), error.Line);
    }

    // Accepted until now: the heading became "Fuzz&#x0; Label" on the page.
    [Fact]
    public async Task Import_NulCharacter_IsRefusedOnItsLine()
    {
        var text = Article("labels", Entry("Fuzz\0 Label", "- **Country:** Ireland\n- **Founded:** 2011"));

        var error = await AssertRefusedBesideTheFrozenArticlesAsync(text);

        Assert.Equal(LineOf(text, "## Fuzz"), error.Line);
    }

    // Accepted until now, with U+FFFD in place of every accented letter.
    [Fact]
    public async Task Import_FileSavedAsLatin1_IsRefusedOnTheLineOfTheFirstBadByte()
    {
        var text = Article("labels", Entry("Fuzz Label", "- **Country:** Ireland\n- **Founded:** 2011", "Signed by Björk's friends."));

        var error = await AssertRefusedBesideTheFrozenArticlesAsync(Encoding.Latin1.GetBytes(text));

        Assert.Equal(LineOf(text, "Signed by"), error.Line);
    }

    // The setext form of a level-2 heading starts an entry like '## Name' does; its name must not keep the underline.
    [Fact]
    public async Task Import_SetextHeading_StartsAnEntryNamedWithoutItsUnderline()
    {
        var text = Article("labels", "Fuzz Label\n----------\n\n- **Country:** Ireland\n- **Founded:** 2011\n\nProse.");
        using var harness = new ImportHarness();
        harness.WriteArticle(Path.GetFileName(File), text);

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal("Fuzz Label", (await harness.FindEntryAsync("labels", "fuzz-label"))?.Name);
    }

    private static string Article(string kind, params string[] entries) => $"""
        ---
        title: A fuzz finding
        kind: {kind}
        published: 2021-04-01
        summary: The smallest file that shows one class of fuzzer finding.
        ---

        Intro.

        {string.Join("\n\n", entries)}

        """;

    private static string Entry(string name, string facts, string prose = "Prose.") => $"## {name}\n\n{facts}\n\n{prose}";

    private static int LineOf(string text, string start) =>
        text.Split('\n').Select((line, index) => (line, index)).First(pair => pair.line.StartsWith(start, StringComparison.Ordinal)).index + 1;

    private static Task<ContentError> AssertRefusedBesideTheFrozenArticlesAsync(string text) =>
        AssertRefusedBesideTheFrozenArticlesAsync(new UTF8Encoding(false).GetBytes(text));

    private static async Task<ContentError> AssertRefusedBesideTheFrozenArticlesAsync(byte[] bytes)
    {
        using var harness = new ImportHarness();
        System.IO.File.WriteAllBytes(harness.ArticlePath(Path.GetFileName(File)), bytes);

        var report = await harness.ImportAsync();

        Assert.All(report.Errors, error => AssertPlaced(error, File));
        Assert.NotEmpty(report.Errors);
        Assert.Equal(FrozenContent.ArticleFileNames.Count, report.Articles);
        Assert.Equal(FrozenEntries, report.Entries);
        return report.Errors[0];
    }

    private static void AssertPlaced(ContentError error, string file)
    {
        Assert.Equal(file, error.File);
        Assert.True(error.Line >= 1 && error.Column >= 1, $"The error has no place in the file: {error}");
    }
}
