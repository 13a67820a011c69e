using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Content;

/// <summary>Wires the content folder, the SQLite store and the import that fills it.</summary>
public static class ContentRegistration
{
    public static WebApplicationBuilder AddDiscoveryContent(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var configuredContent = configuration[$"{DiscoveryOptions.Section}:{nameof(DiscoveryOptions.ContentPath)}"];
        var contentPath = string.IsNullOrWhiteSpace(configuredContent)
            ? ContentFolder.FindFrom(contentRoot) ?? Path.Combine(contentRoot, "content")
            : Path.GetFullPath(configuredContent, contentRoot);

        builder.Services.Configure<DiscoveryOptions>(configuration.GetSection(DiscoveryOptions.Section));

        var connectionString = configuration.GetConnectionString("Discovery");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={DefaultDatabasePath(contentRoot, contentPath)}";
        }

        builder.Services.AddDbContextFactory<DiscoveryDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContext());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ContentFolder(contentPath));
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddHostedService<ContentImportService>();
        return builder;
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
