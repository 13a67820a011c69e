using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// A store that cannot be written at a start (its folder remounted read-only after a disk error, its disk full) but
/// holds a completed import of this build is served as it is, read-only, until it can be written again. Before, the site
/// exited with "cannot be created or opened" and systemd restarted it in a loop: an outage, where a running site in the
/// same state serves its last good content and says Degraded (found by replay 8).
/// While it lasts, every connection EF opens reads the file as immutable: a store in WAL mode needs a "-shm" file beside
/// it to be read at all, which such a folder cannot take, and nothing writes the file meanwhile. Each import first asks
/// whether the store can be written again (<see cref="EndOnceWritable"/>), and fails with the reason while it cannot,
/// which health says.
/// </summary>
public sealed class ReadOnlyStore(ILogger<ReadOnlyStore> logger) : DbConnectionInterceptor
{
    // The connection string pages read through while the store cannot be written; null when it can.
    private volatile string? _reading;

    public bool Active => _reading is not null;

    /// <summary>
    /// Serves the store read-only when it holds a completed import of this build's schema with all its tables; says so
    /// in the log. False when it does not: then there is nothing to serve, and the caller's failure stands.
    /// </summary>
    public bool TryServe(string connectionString, string whyNotWritable)
    {
        foreach (var reading in ReadOnlyForms(connectionString))
        {
            try
            {
                using var connection = new SqliteConnection(reading);
                connection.Open();
                if (!DiscoveryDatabase.HoldsACompletedImport(connection))
                {
                    return false;
                }

                _reading = reading;
                logger.LogWarning("The store {StoreFile} cannot be written ({Reason}); the site serves what it holds, read-only, and imports again once it can be written",
                    FileOf(connectionString), whyNotWritable);
                return true;
            }
            catch (SqliteException)
            {
                // Not readable this way: the next form, or nothing to serve.
            }
        }

        return false;
    }

    /// <summary>
    /// Ends read-only serving once the store can be written again (its folder writable, space freed); throws why it
    /// cannot while it cannot, so that the import fails with the reason and is tried again.
    /// </summary>
    public void EndOnceWritable(string connectionString)
    {
        if (!Active)
        {
            return;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            // A write, rolled back: in WAL mode it needs the "-shm" and "-wal" files to be made, which a read-only folder
            // or a full disk refuses. The write lock alone is not enough: SQLite grants it on a connection that will
            // refuse the first write.
            command.CommandText = "BEGIN IMMEDIATE; UPDATE StoreInfo SET SchemaVersion = SchemaVersion; ROLLBACK;";
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception)
        {
            throw new IOException($"The store {FileOf(connectionString)} still cannot be written ({exception.Message}): give the site a writable "
                + "folder with free space; it serves the store read-only meanwhile.", exception);
        }

        _reading = null;
        // Connections opened read-only must not be reused: they would never see what the import writes.
        SqliteConnection.ClearAllPools();
        logger.LogInformation("The store {StoreFile} can be written again; importing", FileOf(connectionString));
    }

    /// <summary>The read-only fallback of the store a context reads, if its options have one.</summary>
    public static ReadOnlyStore? Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ReadOnlyStore>().FirstOrDefault();

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ReadOnlyIfActive(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ReadOnlyIfActive(connection);
        return ValueTask.FromResult(result);
    }

    private void ReadOnlyIfActive(DbConnection connection)
    {
        if (_reading is { } reading)
        {
            connection.ConnectionString = reading;
        }
    }

    // Read-only as such first (it reads a "-wal" left beside the file through its "-shm"), then as immutable, which needs
    // neither and is what a folder that cannot take a "-shm" leaves.
    private static IEnumerable<string> ReadOnlyForms(string connectionString)
    {
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        yield return readOnly.ToString();
        yield return new SqliteConnectionStringBuilder(readOnly.ToString())
        {
            DataSource = new Uri(FileOf(connectionString)).AbsoluteUri + "?immutable=1",
        }.ToString();
    }

    private static string FileOf(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
}
