using System.Diagnostics;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Imports one article beside the frozen content in another process: a stack overflow cannot be caught, and in this
/// process it would end the whole test run instead of failing one test. The parent runs this test assembly again with
/// only <see cref="ImportTheArticleNamedInTheEnvironment"/> selected; that explicit test never runs on its own.
/// </summary>
public sealed class ChildProcessImport
{
    private const string InputVariable = "IMPALA_CHILD_IMPORT_INPUT";

    /// <summary>The child's exit code, what the child wrote of its import (one line per error), and its console output.</summary>
    public sealed record Outcome(int ExitCode, IReadOnlyList<string> Report, string Output);

    public static async Task<Outcome> RunAsync(string fileName, string text)
    {
        var folder = TempFolder.Create("child-import");
        var input = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(input, text, TestContext.Current.CancellationToken);
        var start = TestHost($"{typeof(ChildProcessImport).FullName}.{nameof(ImportTheArticleNamedInTheEnvironment)}");
        start.Environment[InputVariable] = input;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await child.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        var reportFile = input + ".report";
        var report = File.Exists(reportFile) ? await File.ReadAllLinesAsync(reportFile, TestContext.Current.CancellationToken) : [];
        return new Outcome(child.ExitCode, report, await errors + await output);
    }

    /// <summary>This test assembly, started again to run one explicit test method (its full name) and nothing else.</summary>
    public static ProcessStartInfo TestHost(string method)
    {
        var assembly = typeof(ChildProcessImport).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, null);
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo("dotnet") { ArgumentList = { "exec", assembly } };
        foreach (var argument in new[] { "-method", method, "-explicit", "only" })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The child's side: import the file beside a copy of the frozen content on a fresh store, write what came of it.</summary>
    [Fact(Explicit = true)]
    public async Task ImportTheArticleNamedInTheEnvironment()
    {
        var input = Environment.GetEnvironmentVariable(InputVariable);
        Assert.SkipWhen(input is null, $"Run by {nameof(RunAsync)} in a child process only.");
        using var harness = new ImportHarness();
        File.Copy(input, harness.ArticlePath(Path.GetFileName(input)));

        var report = await harness.ImportAsync();

        await File.WriteAllLinesAsync(input + ".report",
            [$"articles {report.Articles}", $"entries {report.Entries}", .. report.Errors.Select(error => $"error {error}")],
            TestContext.Current.CancellationToken);
    }
}
