using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// One editing session (issue 21): the frozen content committed in a git repository, a running store importing it, each
/// edit committed and imported by the running store in turn; then a new store built from a clone of the last commit.
/// What the two serve must be the same (<see cref="ServedSnapshot"/>), and a second import with nothing changed must
/// change nothing on either.
/// </summary>
public static class AgreementSession
{
    private static readonly DateTimeOffset Published = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstEdit = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The differences found (none when the two agree), and what the running store refused after each edit.</summary>
    public static async Task<(IReadOnlyList<string> Differences, IReadOnlyList<string> Log)> RunAsync(IReadOnlyList<EditorEdit> edits)
    {
        var log = new List<string>();
        try
        {
            return (await CompareAsync(edits, log), log);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A site whose import throws serves what it served before, or nothing: as much a failure as a difference.
            return ([$"an import threw {exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")} at {exception.StackTrace?.Split('\n').FirstOrDefault(line => line.Contains("Impala.Discovery.Web", StringComparison.Ordinal))?.Trim()}"], log);
        }
    }

    private static async Task<List<string>> CompareAsync(IReadOnlyList<EditorEdit> edits, List<string> log)
    {
        var repository = new TestRepository(Published);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        var first = await ImportAsync(live);
        Assert.True(first.Errors.Count == 0, string.Join("; ", first.Errors));

        var content = new EditedContent(repository.Content);
        foreach (var edit in edits)
        {
            if (!edit.Apply(content))
            {
                log.Add($"{edit}: nothing to change here");
                continue;
            }

            if (repository.GitOutput("status", "--porcelain").Length == 0)
            {
                log.Add($"{edit}: git sees no change");
                continue;
            }

            repository.Commit(edit.ToString(), FirstEdit.AddMinutes(10 * edit.Index));
            log.Add($"{edit}: committed");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            log[^1] = $"{edit}: the running store refuses {Refused(await ImportAsync(live))}";
            if (Environment.GetEnvironmentVariable("IMPALA_FUZZ_LOG") is { Length: > 0 } logFile)
            {
                // Each edit as it is imported, and how long that took: a session that takes minutes shows where.
                File.AppendAllText(logFile + ".progress", $"{log[^1]} ({clock.Elapsed.TotalSeconds:0.0} s)\n");
            }
        }

        var differences = new List<string>();
        var running = await ServedSnapshot.ReadAsync(live);
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
        log.Add($"a new store refuses {Refused(await ImportAsync(fresh))}");
        var built = await ServedSnapshot.ReadAsync(fresh);
        differences.AddRange(ServedSnapshot.Differences(running, "the running store", built, "a new store"));

        foreach (var (harness, store, before) in new[] { (live, "running", running), (fresh, "new", built) })
        {
            await ImportAsync(harness);
            differences.AddRange(ServedSnapshot.Differences(before, $"the {store} store", await ServedSnapshot.ReadAsync(harness), "after one more import with nothing changed it"));
        }

        return differences;
    }

    /// <summary>An import, and the ones that follow at once while the history is still being searched for last good versions.</summary>
    private static async Task<ImportReport> ImportAsync(ImportHarness harness)
    {
        var report = await harness.ImportAsync();
        for (var more = 0; more < 20 && report.NotLookedUpInHistory > 0; more++)
        {
            report = await harness.ImportAsync();
        }

        return report;
    }

    private static string Refused(ImportReport report)
    {
        var refused = report.Files.Where(file => file.State == FileState.Refused).Select(file => file.File)
            .Concat(report.Errors.Select(error => error.File).Where(file => !file.StartsWith(ContentFolder.ArticlesFolderName + "/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return refused.Count == 0 ? "nothing" : string.Join(", ", refused);
    }
}
