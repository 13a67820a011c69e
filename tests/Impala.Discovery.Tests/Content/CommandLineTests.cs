using System.Diagnostics;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The program behaves like a command line (issue 18): a mistyped or help verb prints the usage and exits, and never
/// starts the web server. Run as a real process, as an editor would type it.
/// </summary>
public sealed class CommandLineTests
{
    private static readonly string App = Path.Combine(AppContext.BaseDirectory, "Impala.Discovery.Web.dll");

    [Theory]
    [InlineData("help", 2, "check [content-path] [options]")]
    [InlineData("--help", 2, "check [content-path] [options]")]
    [InlineData("chek", 2, "unknown command 'chek'. Did you mean 'check'?")]
    [InlineData("check --help", 0, "--base REV")]
    [InlineData("check content --bogus", 2, "usage: check")]
    [InlineData("new --help", 0, "usage: new <kind>")]
    [InlineData("new labels", 2, "usage: new <kind>")]
    public async Task Verb_PrintsItsAnswerAndExits_WithoutStartingTheSite(string arguments, int exit, string expected)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(App);
        foreach (var argument in arguments.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{arguments}' was still running after a minute: it started something instead of answering");
        }

        var text = await output;
        Assert.Equal(exit, process.ExitCode);
        Assert.Contains(expected, text);
        Assert.DoesNotContain("Now listening on", text);
    }
}
