using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impala.Discovery.Tests;

/// <summary>
/// The real app over a content folder (the repository's content/ unless told otherwise) with its own
/// SQLite file in a temporary folder, so tests never share or touch a developer's database.
/// </summary>
public sealed class DiscoveryFactory(string? contentPath = null, bool watchContent = false, string? databaseFolder = null)
    : WebApplicationFactory<Program>
{
    public string DatabaseFolder { get; } = databaseFolder ?? TempFolder.Create("db");

    public string ContentPath { get; } = contentPath ?? RepositoryContent.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, so that error pages are the ones visitors see (no developer exception page).
        builder.UseEnvironment("Production");
        builder.UseSetting("Discovery:ContentPath", ContentPath);
        builder.UseSetting("Discovery:WatchContent", watchContent ? "true" : "false");
        builder.UseSetting("ConnectionStrings:Discovery", $"Data Source={Path.Combine(DatabaseFolder, "discovery.db")}");
    }
}
