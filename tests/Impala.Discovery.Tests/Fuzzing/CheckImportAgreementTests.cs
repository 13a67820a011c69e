using Impala.Discovery.Tests.Content;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// <c>check</c> and the live import must give the same verdict on the same folder (issue 15): every mutant of the
/// fuzzer, put in a copy of the frozen content, is checked with the command and imported into a new store, and the
/// errors and warnings must agree message for message. Set IMPALA_FUZZ_MUTANTS for a long run.
/// </summary>
public sealed class CheckImportAgreementTests
{
    /// <summary>A fresh store per mutant costs about a second: the normal run takes a share of the fuzzer's mutants.</summary>
    private const int NormalRunMutants = 40;

    [Fact]
    public async Task EveryMutant_CheckAndANewSitesImportReportTheSameProblems()
    {
        var settings = FuzzSettings.FromEnvironment();
        var count = Environment.GetEnvironmentVariable("IMPALA_FUZZ_MUTANTS") is null ? NormalRunMutants : settings.Mutants;
        var disagreements = new List<string>();
        for (var index = 0; index < count; index++)
        {
            var mutant = Mutant.Create(settings.Seed, index);
            var folder = TempFolder.CopyOf(FrozenContent.Path);
            File.WriteAllBytes(Path.Combine(folder, mutant.Target), mutant.Bytes);

            var checkedLines = await CheckLinesAsync(folder);
            using var harness = new ImportHarness(folder);
            var report = await harness.ImportAsync();
            var importedLines = report.Errors.Select(error => Line(error, "error")).Concat(report.Warnings.Select(warning => Line(warning, "warning")))
                .Order(StringComparer.Ordinal).ToList();

            if (!checkedLines.SequenceEqual(importedLines))
            {
                disagreements.Add($"{mutant}\n  check:  {string.Join("\n          ", checkedLines)}\n  import: {string.Join("\n          ", importedLines)}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {count} mutants (seed {settings.Seed}) got two verdicts:\n{string.Join("\n", disagreements.Take(5))}");
    }

    [Fact]
    public async Task BrokenFolder_CheckAndImportAgree_AndTheComparisonCanFail()
    {
        // The comparison itself must see a difference when there is one: a folder with one error in a draft and one in
        // a published article gives two lines, both found by both.
        var folder = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(folder, "articles", "2021-05-draft.md"),
            ArticleText.With("## Draft Label\n\n- **Country:** Belgium\n- **Founded:** 1990\n- **Stagse:** x").Replace("summary:", "draft: true\nsummary:", StringComparison.Ordinal));

        var checkedLines = await CheckLinesAsync(folder);
        using var harness = new ImportHarness(folder);
        var report = await harness.ImportAsync();

        var line = Assert.Single(checkedLines);
        Assert.Contains("Unknown fact 'Stagse'", line);
        Assert.Equal([line], report.Errors.Select(error => Line(error, "error")));
    }

    private static async Task<List<string>> CheckLinesAsync(string folder)
    {
        using var output = new StringWriter();
        await ContentCheck.RunAsync([folder, "--no-base"], output, new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)),
            TestContext.Current.CancellationToken);
        var prefix = folder + "/";
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..])
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string Line(ContentError problem, string severity) => $"{problem.File}:{problem.Line}:{problem.Column}: {severity}: {problem.MessageOnOneLine}";
}
