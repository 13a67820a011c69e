using System.Runtime.InteropServices;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>
/// Signals that .NET leaves at their default action, which ends the process at once, without the requests in flight
/// finishing or a line in the log (found by sweep 6): SIGHUP (a log rotation's postrotate, <c>systemctl kill -s HUP</c>,
/// a closed terminal), SIGUSR1, SIGUSR2 and SIGALRM. The site has nothing to reload on them (its content is watched,
/// its configuration read at start), so each is logged and ignored. SIGTERM and SIGINT stop it gracefully as before.
/// </summary>
public sealed class StraySignals : IDisposable
{
    // Linux's numbers (x86-64 and ARM alike); .NET names only SIGHUP among them.
    private static readonly (PosixSignal Signal, string Name)[] Ignored =
        [(PosixSignal.SIGHUP, "SIGHUP"), ((PosixSignal)10, "SIGUSR1"), ((PosixSignal)12, "SIGUSR2"), ((PosixSignal)14, "SIGALRM")];

    private readonly List<PosixSignalRegistration> _registrations = [];

    public StraySignals(ILogger logger)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (var (signal, name) in Ignored)
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                logger.LogWarning("{Signal} received and ignored: the site has nothing to reload (stop it with SIGTERM)", name);
            }));
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
