using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>
/// SIGHUP (a log rotation's postrotate, <c>systemctl kill -s HUP</c>, a closed terminal), SIGUSR1, SIGUSR2 and SIGALRM
/// ended the site at once, without its requests in flight finishing (found by sweep 6): they are logged and ignored,
/// and SIGTERM still stops it cleanly. Run against the site as its own process, as a service manager runs it.
/// .NET runs the handler of such a signal on the thread pool, so on a busy machine its line comes some time after the
/// signal: the test waits for each line rather than for a fixed second (a second was not always enough in CI).
/// </summary>
public sealed class StraySignalsTests
{
    [Fact]
    public async Task StraySignals_AreIgnored_TheSiteGoesOnAnswering_AndSigtermStillStopsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort();
        // Through `env --default-signal`, as a service manager starts it: a child inherits ignored signals, and a test
        // run under nohup (or a CI runner that ignores SIGHUP) would start the site with SIGHUP ignored already.
        var start = new ProcessStartInfo("env", ["--default-signal=HUP,USR1,USR2,ALRM", "dotnet", Path.Combine(AppContext.BaseDirectory, "Impala.Discovery.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Discovery"] = $"Data Source={Path.Combine(TempFolder.Create("db"), "discovery.db")}";
        start.Environment["Discovery__ContentPath"] = TempFolder.CopyOf(FrozenContent.Path);
        var printed = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(printed, line.Data);
        process.ErrorDataReceived += (_, line) => Append(printed, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            await Eventually.WaitForAsync(() => StatusAsync(client), status => status == HttpStatusCode.OK, "the site answering 200");

            foreach (var signal in Signals)
            {
                Shell.Run("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await Eventually.WaitForAsync(() => Task.FromResult(Printed(printed)), text => process.HasExited || Signals.All(signal => text.Contains($"SIG{signal} received and ignored", StringComparison.Ordinal)), "a line for each signal");
            Assert.False(process.HasExited, "the site ended on a stray signal");
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client));
        }
        finally
        {
            if (!process.HasExited)
            {
                Shell.Run("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        Assert.Equal(0, process.ExitCode);
    }

    private static readonly string[] Signals = ["HUP", "USR1", "USR2", "ALRM"];

    private static void Append(System.Text.StringBuilder printed, string? line)
    {
        lock (printed)
        {
            printed.AppendLine(line);
        }
    }

    private static string Printed(System.Text.StringBuilder printed)
    {
        lock (printed)
        {
            return printed.ToString();
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
