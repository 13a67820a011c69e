using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>Creates the SQLite file and its schema. The file is derived data: when its schema is old it is simply rebuilt.</summary>
public static class DiscoveryDatabase
{
    /// <summary>Raise this whenever the model changes: older files are then dropped and built again from content/.</summary>
    public const int SchemaVersion = 16;

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
