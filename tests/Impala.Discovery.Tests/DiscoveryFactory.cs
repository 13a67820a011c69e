using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Impala.Discovery.Tests;

/// <summary>
/// The real app over a content folder (the frozen fixture, <see cref="FrozenContent"/>, unless told otherwise) with its own
/// SQLite file in a temporary folder, so tests never share or touch a developer's database.
/// With <c>onLoopbackPort</c> it runs on real Kestrel on a free loopback port, for a browser to reach
/// (the browser tests compile this file too). <c>settings</c> adds configuration on top of the test defaults,
/// e.g. <c>["AllowedHosts"] = "*"</c>.
/// </summary>
public sealed class DiscoveryFactory : WebApplicationFactory<Program>
{
    private readonly bool _watchContent;
    private readonly bool _quietRequestLog;
    private readonly bool _importContent;
    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string> _settings;

    // A clock, when given, replaces the app's: for content dated relative to "now".
    public DiscoveryFactory(
        string? contentPath = null, bool watchContent = false, string? databaseFolder = null, bool onLoopbackPort = false,
        TimeProvider? clock = null, bool importContent = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        _importContent = importContent;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string>();
        ContentPath = contentPath ?? FrozenContent.Path;
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

    /// <summary>
    /// The site listens before its first import ends (pages answer 503 meanwhile); tests start from a site that has
    /// read its content, as a visitor a few seconds later would.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (!_importContent)
        {
            return host;
        }

        // Ready, or a first import that ended without a store to serve (it failed, or refused everything): that site
        // answers "starting" until an import succeeds, and a test may want to see it do so.
        var readiness = host.Services.GetRequiredService<StoreReadiness>();
        var importer = host.Services.GetRequiredService<ContentImporter>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!readiness.IsReady && DateTime.UtcNow < deadline)
        {
            if ((importer.LastReport is not null || importer.Fault is not null) && !HasSomethingToServe(host, importer))
            {
                // The import has ended without a store to serve: the site stays "starting". (One that completed is marked
                // ready just after its report, once the steps that follow each import have run: waited for above.)
                break;
            }

            Thread.Sleep(20);
        }

        return host;
    }

    private static bool HasSomethingToServe(IHost host, ContentImporter importer)
    {
        using var db = host.Services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContext();
        return StoreReadiness.HasSomethingToServe(db.StoreInfo.Any(info => info.LastImport != null), db.Articles.Any(), importer.LastReport, importer.Fault);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that error pages are the ones visitors see (no developer exception page).
        builder.UseEnvironment("Production");
        // The static assets of a build (not a publish) are listed in obj/, which Development reads by itself; and served
        // as a publish serves them (compressed copies, a year for fingerprinted URLs), not reloaded from disk for an IDE.
        builder.UseStaticWebAssets();
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        builder.UseSetting("Discovery:ContentPath", ContentPath);
        builder.UseSetting("Discovery:WatchContent", _watchContent ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Discovery", $"Data Source={Path.Combine(DatabaseFolder, "discovery.db")}");
        if (!_importContent)
        {
            // A store whose first import has not finished yet, held in that state.
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        }

        // Every test client shares one (absent) address, so the per-client limit would couple unrelated tests;
        // RateLimitTests turns it back on with small numbers.
        builder.UseSetting("Discovery:RateLimitBurst", "0");
        if (_quietRequestLog)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
