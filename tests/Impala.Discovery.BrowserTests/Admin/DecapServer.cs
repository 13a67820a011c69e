using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Impala.Discovery.BrowserTests.Admin;

/// <summary>
/// decap-server (npm, in package.json) in git mode on a free loopback port, over a git repository: the editor's local
/// backend, which saves entries as branches and publishes by merging, as the git host would.
/// </summary>
public sealed class DecapServer : IAsyncDisposable
{
    private readonly Process _process;

    private DecapServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Its API, as config.yml's local_backend names it.</summary>
    public string Url { get; }

    public static string Script { get; } = Path.Combine(RepositoryFolders.Root, "node_modules", "decap-server", "dist", "index.js");

    public static async Task<DecapServer> StartAsync(string repository)
    {
        var reason = $"{Script} is missing: run `npm ci --ignore-scripts` in {RepositoryFolders.Root}.";
        if (!File.Exists(Script))
        {
            if (RequiredTools.IsCi)
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("node", [Script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MODE"] = "git";
        start.Environment["GIT_REPO_DIRECTORY"] = repository;
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DecapServer(process, $"http://127.0.0.1:{port}/api/v1");

        // Ready when it answers its "info" action (node starts in about a second; a busy machine takes longer).
        using var http = new HttpClient();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var answer = await http.PostAsync(server.Url, new StringContent("""{"action":"info"}""", Encoding.UTF8, "application/json"));
                if (answer.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until && !process.HasExited)
            {
            }

            if (DateTime.UtcNow >= until || process.HasExited)
            {
                await server.DisposeAsync();
                Assert.Fail("decap-server did not start within a minute.");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
