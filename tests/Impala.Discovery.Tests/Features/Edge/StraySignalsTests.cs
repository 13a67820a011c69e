using System.Net;

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
        // Through `env --default-signal`, as a service manager starts it: a child inherits ignored signals, and a test
        // run under nohup (or a CI runner that ignores SIGHUP) would start the site with SIGHUP ignored already.
        await using var site = SiteProcess.Start(launcher: ["env", "--default-signal=HUP,USR1,USR2,ALRM"]);
        await Eventually.WaitForAsync(() => site.StatusAsync("/"), status => status == HttpStatusCode.OK, "the site answering 200");

        foreach (var signal in Signals)
        {
            site.Signal(signal);
        }

        await Eventually.WaitForAsync(() => Task.FromResult(site.Printed), text => site.HasExited || Signals.All(signal => text.Contains($"SIG{signal} received and ignored", StringComparison.Ordinal)), "a line for each signal");
        Assert.False(site.HasExited, "the site ended on a stray signal");
        Assert.Equal(HttpStatusCode.OK, await site.StatusAsync("/"));
        Assert.Equal(0, await site.StopAsync());
    }

    private static readonly string[] Signals = ["HUP", "USR1", "USR2", "ALRM"];
}
