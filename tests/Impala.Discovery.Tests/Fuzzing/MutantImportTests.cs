using System.Text;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Hundreds of mutants of the frozen articles and kinds.yml, each imported beside the unchanged files (see
/// <see cref="MutantImport"/> for the invariant). A fixed seed keeps the normal run the same every time; set
/// IMPALA_FUZZ_MUTANTS and IMPALA_FUZZ_SEED for a long run. Each failing mutant is written to TestResults/fuzz/ with
/// how it was made, so it can become a named regression test (Fuzzing/FuzzFindingsTests.cs).
/// </summary>
public sealed class MutantImportTests
{
    [Fact]
    public async Task EveryMutant_LeavesTheOtherFilesServedAndIsImportedOrRefusedWithItsPlace()
    {
        var settings = FuzzSettings.FromEnvironment();

        // Mutants do not depend on each other (the store is back at the baseline after each), so each core takes a share.
        var shares = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var results = await Task.WhenAll(Enumerable.Range(0, shares).Select(share => Task.Run(() => RunShareAsync(settings, share, shares))));
        var failures = results.SelectMany(result => result).OrderBy(failure => failure.Mutant.Index).ToList();

        Assert.True(failures.Count == 0, Describe(settings, failures));
    }

    private static async Task<List<FuzzFailure>> RunShareAsync(FuzzSettings settings, int share, int shares)
    {
        using var run = await MutantImport.StartAsync();
        var failures = new List<FuzzFailure>();
        for (var index = share; index < settings.Mutants; index += shares)
        {
            var mutant = Mutant.Create(settings.Seed, index);
            var problems = await run.CheckAsync(mutant);
            if (problems.Count > 0)
            {
                failures.Add(new FuzzFailure(mutant, problems, MutantImport.Save(mutant, problems)));
            }
        }

        return failures;
    }

    private static string Describe(FuzzSettings settings, List<FuzzFailure> failures)
    {
        var text = new StringBuilder($"{failures.Count} of {settings.Mutants} mutants (seed {settings.Seed}) broke the invariant; they are in {MutantImport.ResultsFolder}.\n\nBy class:\n");
        foreach (var group in failures.SelectMany(failure => failure.Problems.Select(problem => (problem.Class, failure.Mutant.Index))).GroupBy(pair => pair.Class).OrderByDescending(group => group.Count()))
        {
            text.Append($"  {group.Count()} × {group.Key} (mutants {string.Join(", ", group.Select(pair => pair.Index).Distinct().Take(8))})\n");
        }

        text.Append("\nFirst failures:\n");
        foreach (var (mutant, problems, savedAs) in failures.Take(15))
        {
            text.Append($"- {mutant}\n  {string.Join("\n  ", problems)}\n  saved as {savedAs}\n");
        }

        return text.ToString();
    }
}
