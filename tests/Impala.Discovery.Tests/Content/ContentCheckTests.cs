using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>The check command an editor runs before publishing, and CI runs on every change.</summary>
public sealed class ContentCheckTests
{
    private static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Check_CleanFolder_PrintsTheSummaryAndExitsZero()
    {
        var (exit, lines) = await CheckAsync(TempFolder.CopyOf(FrozenContent.Path));

        Assert.Equal(0, exit);
        // A temporary folder is outside git: what was published cannot be known, and the check says so.
        Assert.Equal(
            ["Addresses not checked: not a git checkout (or git is not installed), so published addresses cannot be checked; run check in a clone, or give --base <revision> there.",
             $"{FrozenContent.ArticleFileNames.Count} files checked: {FrozenContent.ArticleFileNames.Count} would be published, 0 drafts, 0 scheduled, 0 errors, 0 warnings."],
            lines);
    }

    [Fact]
    public async Task Check_Mistakes_PrintsEachAsFileLineColumnAndExitsOne()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        var draft = Path.Combine(folder, "articles", "2021-05-draft.md");
        File.WriteAllText(draft, ArticleText.With("## Draft Label\n\n- **Country:** Belgium\n- **Founded:** 1990\n- **Stagse:** x").Replace("summary:", "draft: true\nsummary:", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(folder, "articles", "2021-06-latin.md"), System.Text.Encoding.Latin1.GetBytes("---\ntitle: Caf\u00e9\n"));

        var (exit, lines) = await CheckAsync(folder);

        Assert.Equal(1, exit);
        Assert.Contains(lines, line => line.StartsWith($"{folder}/articles/2021-05-draft.md:", StringComparison.Ordinal) && line.Contains(": error: Unknown fact 'Stagse'", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"{folder}/articles/2021-06-latin.md:2:11: error: The file is not saved as UTF-8", StringComparison.Ordinal));
        Assert.EndsWith("2 errors, 0 warnings.", lines[^1]);
    }

    [Fact]
    public async Task Check_FileWithMistakesOfEveryStage_ReportsThemAllInOnePass()
    {
        // One draft with a bad fact (parsing), a link to nowhere and an address taken by another file (checks across
        // files): the editor sees all three at once, not the next only after fixing the first.
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(folder, "articles", "2021-05-draft.md"), ArticleText.With("""
            ## Ninja Tune

            - **Country:** United Kingdom
            - **Founded:** 1990

            ## Draft Label

            - **Country:** Belgium
            - **Founded:** 1990
            - **Stagse:** x

            See [a label](/labels/no-such-label).
            """).Replace("summary:", "draft: true\nsummary:", StringComparison.Ordinal));

        var (exit, lines) = await CheckAsync(folder);

        Assert.Equal(1, exit);
        var file = $"{folder}/articles/2021-05-draft.md";
        string[] expected =
        [
            $"{file}:11:1: error: Not yet published, but will be refused on its day: 'Ninja Tune' would live at /labels/ninja-tune, held by articles/2021-03-record-labels.md (published 2021-03-01; the article published first keeps an address).",
            $"{file}:20:5: error: Unknown fact 'Stagse'",
            $"{file}:22:5: error: Not yet published, but will be refused on its day: The link /labels/no-such-label leads to no label.",
        ];
        var errors = lines.Where(line => line.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            errors.Count == expected.Length && expected.Zip(errors).All(pair => pair.Second.StartsWith(pair.First, StringComparison.Ordinal)),
            "The check printed:\n" + string.Join("\n", errors));
        Assert.EndsWith("3 errors, 0 warnings.", lines[^1]);
    }

    [Fact]
    public async Task Check_GithubFormat_PrintsAnnotations()
    {
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(folder, "articles", "2021-05-broken.md"), "no front matter\n");

        var (exit, lines) = await CheckAsync(folder, "--format", "github");

        Assert.Equal(1, exit);
        Assert.StartsWith($"::error file={folder}/articles/2021-05-broken.md,line=1,col=1::The article has no front matter.", lines[0]);
    }

    [Fact]
    public async Task Check_FolderThatDoesNotExist_SaysSoAndExitsTwo()
    {
        var (exit, lines) = await CheckAsync("/no/such/content");

        Assert.Equal(2, exit);
        Assert.Contains("no such content folder", Assert.Single(lines));
    }

    internal static async Task<(int Exit, string[] Lines)> CheckAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        var exit = await ContentCheck.RunAsync(arguments, output, Today, TestContext.Current.CancellationToken);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
