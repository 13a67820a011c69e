using System.Diagnostics;
using System.Globalization;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Runs picture mutants through <see cref="PictureMutantCheck"/> in another process. SkiaSharp decodes in native code: a
/// crash there cannot be caught and would end the whole test run, so the child writes each mutant's index before it
/// starts on it, and when the child dies (or is busy on one mutant for a minute) the parent knows which mutant did it,
/// counts it as a failure and starts a new child on the next. The child also does nothing else, which is what
/// <see cref="PeakMemory"/> needs to mean something.
/// </summary>
public sealed class PictureMutantChild
{
    private const string InputVariable = "IMPALA_PICTURE_CHILD_INPUT";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    /// <summary>What came of one mutant: refused or accepted, its peak memory growth (-1 when unknown), its time, what broke.</summary>
    public sealed record Result(int Index, bool Accepted, long PeakGrowth, long Milliseconds, IReadOnlyList<FuzzProblem> Problems);

    /// <summary>The mutants first, first + step, … below <paramref name="end"/>, each checked in a child process.</summary>
    public static async Task<List<Result>> RunAsync(int seed, int first, int step, int end)
    {
        var results = new List<Result>();
        for (var next = first; next < end;)
        {
            var (done, ended) = await RunOneChildAsync(seed, next, step, end);
            results.AddRange(done);
            if (ended is null)
            {
                break;
            }

            results.Add(ended);
            next = ended.Index + step;
        }

        return results;
    }

    /// <summary>One picture file checked in a child process, as the fuzzer checks a mutant: for regression tests.</summary>
    public static async Task<Result> RunAsync(byte[] bytes)
    {
        var file = Path.Combine(TempFolder.Create("picture-child"), "picture.bin");
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        var (done, ended) = await RunOneChildAsync(0, 0, 1, 1, file);
        return ended ?? done.Single();
    }

    /// <summary>One child over as many mutants as it gets through; the mutant it ended on when it died or stalled, else null.</summary>
    private static async Task<(List<Result> Done, Result? Ended)> RunOneChildAsync(int seed, int first, int step, int end, string? file = null)
    {
        var output = Path.Combine(TempFolder.Create("picture-child"), "results.txt");
        File.WriteAllText(output, "");
        var start = ChildProcessImport.TestHost($"{typeof(PictureMutantChild).FullName}.{nameof(CheckTheMutantsNamedInTheEnvironment)}");
        start.Environment[InputVariable] = string.Join(' ', seed, first, step, end, output) + (file is null ? "" : " " + file);
        // Every block of 128 KB or more is mapped on its own and unmapped when freed, so each mutant's large allocations
        // show in the high-water mark, rather than reusing what an earlier mutant left in the heap.
        start.Environment["MALLOC_MMAP_THRESHOLD_"] = "131072";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var child = Process.Start(start)!;
        var console = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stalled = false;
        var lastChange = (Length: 0L, At: DateTime.UtcNow);
        try
        {
            var exited = child.WaitForExitAsync(TestContext.Current.CancellationToken);
            while (!stalled && await Task.WhenAny(exited, Task.Delay(200, TestContext.Current.CancellationToken)) != exited)
            {
                var length = new FileInfo(output).Length;
                lastChange = length != lastChange.Length ? (length, DateTime.UtcNow) : lastChange;
                stalled = DateTime.UtcNow - lastChange.At > Patience;
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(CancellationToken.None);
            }
        }

        var (done, started) = Parse(File.ReadAllLines(output));
        if (child.ExitCode == 0 && !stalled)
        {
            return (done, null);
        }

        var what = stalled
            ? new FuzzProblem("a picture kept the process busy for a minute", $"no progress for {Patience.TotalSeconds:0} s")
            : new FuzzProblem($"a picture ended the process (exit code {child.ExitCode})", Tail(await errors + await console));
        // A child that died before its first mutant has nothing to blame: the index is the first it was given.
        return (done, new Result(started ?? first, false, -1, -1, [what]));
    }

    private static (List<Result> Done, int? Unfinished) Parse(string[] lines)
    {
        var done = new List<Result>();
        var problems = new List<FuzzProblem>();
        int? unfinished = null;
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "start":
                    unfinished = Number(parts[1]);
                    problems = [];
                    break;
                case "problem":
                    var problem = line.Split(' ', 4)[3].Split('\t', 2);
                    problems.Add(new(problem[0], problem[^1]));
                    break;
                case "done":
                    done.Add(new(Number(parts[1]), parts[2] == "accepted", long.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture), problems));
                    unfinished = null;
                    break;
            }
        }

        return (done, unfinished);
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    /// <summary>The child's side: check the mutants (or the file) the environment names, one line before and after each.</summary>
    [Fact(Explicit = true)]
    public void CheckTheMutantsNamedInTheEnvironment()
    {
        var input = Environment.GetEnvironmentVariable(InputVariable);
        Assert.SkipWhen(input is null, $"Run by {nameof(RunAsync)} in a child process only.");
        var parts = input.Split(' ', 6);
        var (seed, first, step, end) = (Number(parts[0]), Number(parts[1]), Number(parts[2]), Number(parts[3]));
        using var writer = new StreamWriter(parts[4], append: true) { AutoFlush = true };
        for (var index = first; index < end; index += step)
        {
            writer.WriteLine($"start {index}");
            var clock = Stopwatch.StartNew();
            var outcome = PictureMutantCheck.Run(parts.Length > 5 ? File.ReadAllBytes(parts[5]) : PictureMutant.Create(seed, index).Bytes);
            foreach (var problem in outcome.Problems)
            {
                writer.WriteLine($"problem {index} - {Flat(problem.Class)}\t{Flat(problem.Detail)}");
            }

            writer.WriteLine($"done {index} {(outcome.Accepted ? "accepted" : "refused")} {outcome.PeakGrowth ?? -1} {clock.ElapsedMilliseconds}");
        }
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Flat(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');
}
