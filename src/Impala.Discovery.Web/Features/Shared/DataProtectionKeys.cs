using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Data protection (antiforgery tokens and the like) keeps its keys in a folder beside the SQLite store,
/// "data-protection-keys": without one it kept them in memory and warned at every start, and a restart made every
/// token it had issued unreadable. The folder is found from the store's own connection string, so it follows
/// wherever an operator puts the database.
/// </summary>
public static class DataProtectionKeys
{
    public const string FolderName = "data-protection-keys";

    public static IServiceCollection AddDataProtectionKeysBesideTheStore(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            if (FolderBesideTheStore(provider) is { } folder)
            {
                options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(folder), provider.GetRequiredService<ILoggerFactory>());
            }
        }));
        return services;
    }

    /// <summary>The folder of this name beside the database file, or null for a store that is no file (in memory).</summary>
    public static string? FolderBesideTheStore(IServiceProvider provider, string name = FolderName)
    {
        using var db = provider.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContext();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || Path.GetDirectoryName(Path.GetFullPath(file)) is not { } folder)
        {
            return null;
        }

        return Path.Combine(folder, name);
    }
}
