using System.Diagnostics;
using System.Text;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Issue 21, fuzzed: a running instance and a new instance built from the same commit serve the same thing. Each
/// session commits a seeded run of editors' changes and mistakes (<see cref="EditorEdits"/>) one by one, the running
/// store importing each, then builds a new store from the last commit and compares what both serve
/// (<see cref="AgreementSession"/>). A failure names the seed, the fewest of its edits that still make the two differ
/// (found by replaying subsets), and each address served differently. The normal run is a few short sessions; see
/// <see cref="AgreementSettings"/> for a long one.
/// </summary>
public sealed class InstanceAgreementTests
{
    [Fact]
    public async Task AfterEachSessionOfEdits_ARunningStoreAndANewStoreFromTheSameCommit_ServeTheSame()
    {
        var settings = AgreementSettings.FromEnvironment();
        var failures = new List<string>();
        for (var session = 0; session < settings.Sessions; session++)
        {
            var seed = settings.Seed + session;
            var edits = EditorEdits.Generate(seed, settings.Edits, settings.Widened).Where(edit => settings.Keep?.Contains(edit.Index) ?? true).ToList();
            var (differences, log) = await AgreementSession.RunAsync(edits);
            if (Environment.GetEnvironmentVariable("IMPALA_FUZZ_LOG") is { Length: > 0 } logFile)
            {
                // A long run's progress, session by session.
                File.AppendAllText(logFile, $"seed {seed}: {differences.Count} differences\n{string.Join("\n", log.Concat(differences).Select(line => "  " + line))}\n");
            }

            if (differences.Count > 0)
            {
                failures.Add(await DescribeAsync(settings, seed, edits, differences, log));
                if (Environment.GetEnvironmentVariable("IMPALA_FUZZ_LOG") is { Length: > 0 } failureLog)
                {
                    // The fewest edits, as soon as they are known: a long run stopped early still tells them.
                    File.AppendAllText(failureLog, $"FAILURE {failures[^1]}\n");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {settings.Sessions} sessions (seeds {settings.Seed}..{settings.Seed + settings.Sessions - 1}, "
            + $"{settings.Edits} edits each) ended with a running store and a new store serving different things:\n\n{string.Join("\n\n", failures)}");
    }

    /// <summary>
    /// The failure with the fewest edits that still make it, found by leaving out one edit at a time while the time allows.
    /// The same failure: the first address that differs still differs (or an import still throws the same exception),
    /// so that the search does not wander off to another fault the session also shows.
    /// </summary>
    private static async Task<string> DescribeAsync(AgreementSettings settings, int seed, List<EditorEdit> edits, IReadOnlyList<string> differences, IReadOnlyList<string> log)
    {
        var signature = Signature(differences[0]);
        var fewest = edits;
        var clock = Stopwatch.StartNew();
        var leftOut = fewest.Count - 1;
        for (; leftOut >= 0 && clock.Elapsed < settings.ShrinkBudget; leftOut--)
        {
            var fewer = fewest.Where((_, position) => position != leftOut).ToList();
            var (stillDifferent, fewerLog) = await AgreementSession.RunAsync(fewer);
            if (stillDifferent.Any(difference => Signature(difference) == signature))
            {
                (fewest, differences, log) = (fewer, stillDifferent, fewerLog);
            }
        }

        var text = new StringBuilder($"Seed {seed}: {edits.Count} edits; {(fewest.Count < edits.Count ? $"these {fewest.Count} of them" : "all of them")} still make a difference"
            + $"{(leftOut >= 0 ? " (the search for fewer ran out of time)" : "")}:\n");
        text.AppendJoin("\n", log.Select(line => "  " + line));
        text.Append($"\n{differences.Count} differences:\n");
        text.AppendJoin("\n", differences.Take(30).Select(difference => "  " + difference));
        text.Append($"{(differences.Count > 30 ? "\n  …" : "")}\nReplay: IMPALA_FUZZ_SEED={seed} IMPALA_FUZZ_SESSIONS=1 IMPALA_FUZZ_EDITS={settings.Edits} "
            + (settings.Widened ? "" : "IMPALA_FUZZ_WIDENED=0 ")
            + $"IMPALA_FUZZ_KEEP={string.Join(',', fewest.Select(edit => edit.Index))} IMPALA_FUZZ_SHRINK_SECONDS=0 "
            + "dotnet test --project tests/Impala.Discovery.Tests --no-build -- --filter-class \"*InstanceAgreementTests\"");
        return text.ToString();
    }

    // "/labels/ecm: the running store serves …" names /labels/ecm; "an import threw ArgumentException: …" the exception.
    private static string Signature(string difference) => difference[..Math.Max(0, difference.IndexOf(':', StringComparison.Ordinal))];
}
