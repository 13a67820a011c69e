using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impala.Discovery.Tests;

/// <summary>
/// The real app over a content folder (the repository's content/ unless told otherwise) with its own
/// SQLite file in a temporary folder, so tests never share or touch a developer's database.
/// With <c>onLoopbackPort</c> it runs on real Kestrel on a free loopback port, for a browser to reach
/// (the browser tests compile this file too). <c>settings</c> adds configuration on top of the test defaults,
/// e.g. <c>["AllowedHosts"] = "*"</c>.
/// </summary>
public sealed class DiscoveryFactory : WebApplicationFactory<Program>
{
    private readonly bool _watchContent;
    private readonly bool _quietRequestLog;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public DiscoveryFactory(string? contentPath = null, bool watchContent = false, string? databaseFolder = null, bool onLoopbackPort = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        ContentPath = contentPath ?? RepositoryContent.Path;
        DatabaseFolder = databaseFolder ?? TempFolder.Create("db");
        _watchContent = watchContent;

        // A line per request would bury the output of a run that crawls the whole site through a real port.
        _quietRequestLog = onLoopbackPort;
        if (onLoopbackPort)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }

    public string DatabaseFolder { get; }

    public string ContentPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that error pages are the ones visitors see (no developer exception page).
        builder.UseEnvironment("Production");
        builder.UseSetting("Discovery:ContentPath", ContentPath);
        builder.UseSetting("Discovery:WatchContent", _watchContent ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Discovery", $"Data Source={Path.Combine(DatabaseFolder, "discovery.db")}");
        // Every test client shares one (absent) address, so the per-client limit would couple unrelated tests;
        // RateLimitTests turns it back on with small numbers.
        builder.UseSetting("Discovery:RateLimitBurst", "0");
        if (_quietRequestLog)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
