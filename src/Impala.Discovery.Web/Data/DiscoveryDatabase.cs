using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>Creates the SQLite file and its schema. The file is derived data: when its schema is old it is simply rebuilt.</summary>
public static class DiscoveryDatabase
{
    /// <summary>Raise this whenever the model changes: older files are then dropped and built again from content/.</summary>
    public const int SchemaVersion = 19;

    public static async Task EnsureReadyAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.EnsureCreatedAsync(cancellationToken);
        if (await ReadSchemaVersionAsync(db, cancellationToken) != SchemaVersion)
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
            db.StoreInfo.Add(new StoreInfo { Id = 1, SchemaVersion = SchemaVersion });
            await db.SaveChangesAsync(cancellationToken);
        }

        // WAL lets pages read the last committed import while the next one is being written.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SearchIndex.CreateTableSql, cancellationToken);
    }

    /// <summary>
    /// Opens (or creates) the store before the site starts, and says in one line why it cannot be, or null: a store
    /// that cannot be created is a configuration fault, not a crash with a stack trace.
    /// </summary>
    public static async Task<string?> ProblemOpeningAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<DiscoveryDbContext>>().CreateDbContextAsync();
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        try
        {
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await EnsureReadyAsync(db, CancellationToken.None);
            return null;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            return $"the store {file} cannot be created or opened ({exception.Message}). "
                + "Give the site a writable folder with free space (ConnectionStrings:Discovery, or App_Data beside the app).";
        }
    }

    /// <summary>
    /// True when the store's file has gone or lost its tables (deleted by hand, replaced by an empty file): asked on a
    /// connection of its own, since pooled ones still read a deleted file's old contents.
    /// </summary>
    public static bool IsLost(string? connectionString)
    {
        var store = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(store.DataSource) || store.DataSource == ":memory:")
        {
            return false;
        }

        if (!File.Exists(store.DataSource))
        {
            return true;
        }

        store.Pooling = false;
        store.Mode = SqliteOpenMode.ReadOnly;
        try
        {
            using var connection = new SqliteConnection(store.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'StoreInfo'";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
        }
        catch (SqliteException)
        {
            // Busy or locked by a writer: not lost, only in use.
            return false;
        }
    }

    private static async Task<int?> ReadSchemaVersionAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return (await db.StoreInfo.AsNoTracking().OrderBy(info => info.Id).FirstOrDefaultAsync(cancellationToken))?.SchemaVersion;
        }
        catch (SqliteException)
        {
            // A file from before StoreInfo existed, or not ours at all: rebuild it.
            return null;
        }
    }
}
