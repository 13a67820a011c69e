using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Content;

/// <summary>Wires the content folder, the SQLite store and the import that fills it.</summary>
public static class ContentRegistration
{
    public static WebApplicationBuilder AddDiscoveryContent(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var contentPath = DiscoveryOptions.ResolveContentPath(
            builder.Configuration[$"{DiscoveryOptions.Section}:{nameof(DiscoveryOptions.ContentPath)}"], contentRoot);

        // Checked before the site listens: a mistake here stops start-up with one clear line (see Program.cs).
        builder.Services.AddOptions<DiscoveryOptions>()
            .BindConfiguration(DiscoveryOptions.Section)
            .PostConfigure(options => options.ContentPath = contentPath)
            .Validate(options => DiscoveryOptions.IsValidSiteUrl(options.SiteUrl),
                "Discovery:SiteUrl must be an absolute http:// or https:// address without query or fragment, such as https://discovery.example.org.")
            .ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString("Discovery");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={DefaultDatabasePath(contentRoot, contentPath)}";
        }

        // A query that fails throws to its caller, which says what failed where it matters (a request's error, an
        // import's failure, health). EF's own error line with the stack came on top, at every try: a line a second
        // while the store could not be opened (found by replay 4).
        builder.Services.AddSingleton<ReadOnlyStore>();
        builder.Services.AddDbContextFactory<DiscoveryDbContext>((services, options) => options.UseSqlite(connectionString)
            .AddInterceptors(services.GetRequiredService<ReadOnlyStore>())
            .ConfigureWarnings(warnings => warnings.Log((CoreEventId.QueryIterationFailed, LogLevel.Debug))));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContext());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new ContentFolder(services.GetRequiredService<IOptions<DiscoveryOptions>>().Value.ContentPath));
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddHostedService<ContentImportService>();
        return builder;
    }

    /// <summary>
    /// Why the site cannot start for its content folder, or null. A folder that is not there stops it only when the store
    /// has nothing to serve meanwhile (a wrong path, said in one line). With a store that holds an import, the site
    /// starts, serves it and says Degraded until the folder is there, as a running site does: a restart while a release
    /// link pointed at a release not unpacked yet, or before a network mount, made the site exit, and systemd gave up
    /// restarting it after half a minute (found by replay 6).
    /// </summary>
    public static async Task<string?> ContentFolderProblemAsync(IServiceProvider services)
    {
        var contentPath = services.GetRequiredService<IOptions<DiscoveryOptions>>().Value.ContentPath;
        if (Directory.Exists(contentPath))
        {
            return null;
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContextAsync();
        return (await ContentStore.ReadInfoAsync(db, CancellationToken.None))?.LastImport is not null
            ? null
            : $"Discovery:ContentPath: the content folder '{contentPath}' does not exist, and the store holds no content to serve meanwhile. "
                + "Point it at the folder that holds kinds.yml and articles/.";
    }

    /// <summary>
    /// One database file per content folder, so two instances started from one checkout on different
    /// content never share a store by accident.
    /// </summary>
    private static string DefaultDatabasePath(string contentRoot, string contentPath)
    {
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(contentPath)))[..8].ToLowerInvariant();
        return Path.Combine(folder, $"discovery-{key}.db");
    }
}
