using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Impala.Discovery.Tests;

/// <summary>
/// The site as its own process on a loopback port, as a service manager runs it: for what only the program's own start
/// does (the checks in Program.cs before it listens, which an in-process host skips) and for signals.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _printed = new();

    private SiteProcess(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>What it printed so far, standard output and error together.</summary>
    public string Printed
    {
        get
        {
            lock (_printed)
            {
                return _printed.ToString();
            }
        }
    }

    /// <param name="environment">Its settings, on top of a store in a folder of its own and a copy of the frozen content.</param>
    /// <param name="launcher">A command it is started through (env with its options, say).</param>
    public static SiteProcess Start(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        var port = FreePort();
        IReadOnlyList<string> command = [.. launcher ?? [], "dotnet", Path.Combine(AppContext.BaseDirectory, "Impala.Discovery.Web.dll"), "--urls", $"http://127.0.0.1:{port}"];
        var start = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Discovery"] = $"Data Source={Path.Combine(TempFolder.Create("db"), "discovery.db")}";
        start.Environment["Discovery__ContentPath"] = TempFolder.CopyOf(FrozenContent.Path);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var site = new SiteProcess(process, port);
        process.OutputDataReceived += (_, line) => site.Append(line.Data);
        process.ErrorDataReceived += (_, line) => site.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    /// <summary>The status of a page, or 0 while nothing answers.</summary>
    public async Task<HttpStatusCode> StatusAsync(string path)
    {
        try
        {
            using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Sends a signal, as kill does.</summary>
    public void Signal(string signal) => Shell.Run("kill", $"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops it with SIGTERM, as a service manager does, and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            Signal("TERM");
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_printed)
        {
            _printed.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
