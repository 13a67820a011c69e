using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impala.Discovery.BrowserTests;

/// <summary>
/// The real app on a real loopback port (Kestrel, not the in-memory test server), so a browser can reach it:
/// Production settings, the repository's content/, and its own SQLite file in a fresh temp folder.
/// </summary>
public sealed class BrowserSiteFactory : WebApplicationFactory<Program>
{
    public BrowserSiteFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public string DatabaseFolder { get; } = TempFolder.Create("db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that error pages are the ones visitors see (no developer exception page).
        builder.UseEnvironment("Production");
        builder.UseSetting("Discovery:ContentPath", RepositoryFolders.Content);
        builder.UseSetting("Discovery:WatchContent", "false");
        builder.UseSetting("ConnectionStrings:Discovery", $"Data Source={Path.Combine(DatabaseFolder, "discovery.db")}");
        // A line per request would bury the test output: the crawl alone makes several hundred.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
