using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>
/// SIGHUP (a log rotation's postrotate, <c>systemctl kill -s HUP</c>, a closed terminal), SIGUSR1, SIGUSR2 and SIGALRM
/// ended the site at once, without its requests in flight finishing (found by sweep 6): they are logged and ignored,
/// and SIGTERM still stops it cleanly. Run against the site as its own process, as a service manager runs it.
/// </summary>
public sealed class StraySignalsTests
{
    [Fact]
    public async Task StraySignals_AreIgnored_TheSiteGoesOnAnswering_AndSigtermStillStopsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Impala.Discovery.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Discovery"] = $"Data Source={Path.Combine(TempFolder.Create("db"), "discovery.db")}";
        start.Environment["Discovery__ContentPath"] = TempFolder.CopyOf(FrozenContent.Path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        try
        {
            await Eventually.WaitForAsync(() => StatusAsync(client), status => status == HttpStatusCode.OK, "the site answering 200");

            foreach (var signal in new[] { "HUP", "USR1", "USR2", "ALRM" })
            {
                Shell.Run("kill", $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
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
        var printed = await output + await errors;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("SIGHUP received and ignored", printed);
        Assert.Contains("SIGALRM received and ignored", printed);
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
