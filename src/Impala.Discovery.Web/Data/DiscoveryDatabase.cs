using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Data;

/// <summary>Creates the SQLite file and its schema. The file is derived data: when its schema is old it is simply rebuilt.</summary>
public static class DiscoveryDatabase
{
    /// <summary>Raise this whenever the model changes: older files are then dropped and built again from content/.</summary>
    public const int SchemaVersion = 27;

    /// <summary>
    /// Creates the store, or opens it and rebuilds it empty when its schema is old. A file at its path that is no
    /// SQLite store at all (another file, or one damaged beyond reading) is set aside under a new name and a store built
    /// in its place: the store is derived data, but the path may have been a mistake, so nothing is deleted. The store's
    /// folder is made if it has gone (deleted with the store in it).
    /// </summary>
    /// <returns>Where an unreadable file was set aside, for the caller to log; null when none was.</returns>
    public static async Task<string?> EnsureReadyAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var file = FileOf(db.Database.GetConnectionString());
        if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Asked on a connection of its own before EF opens the file, so that EF does not log a failed command as an error.
        string? setAside = null;
        if (file is not null && File.Exists(file) && IsUnreadableFile(file))
        {
            setAside = await SetAsideAsync(db, file, "unreadable");
        }

        await db.Database.EnsureCreatedAsync(cancellationToken);
        // A store that says it is this build's but lacks one of its tables (dropped by hand, a backup of a build that
        // changed its model and not its number) is built again too: every entry page answered 500 on it, for good, while
        // health said all was imported (found by replay 8).
        if (await ReadSchemaVersionAsync(db, cancellationToken) != SchemaVersion || (file is not null && MissingTables(file).Count > 0))
        {
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await db.Database.EnsureCreatedAsync(cancellationToken);
            db.StoreInfo.Add(new StoreInfo { Id = 1, SchemaVersion = SchemaVersion });
            await db.SaveChangesAsync(cancellationToken);
        }

        // WAL lets pages read the last committed import while the next one is being written.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SearchIndex.CreateTableSql, cancellationToken);
        return setAside;
    }

    /// <summary>
    /// Makes the store ready as <see cref="EnsureReadyAsync"/> does; when it cannot be written but holds a completed import,
    /// serves it read-only instead (see <see cref="ReadOnlyStore"/>). Throws the failure when neither can be done.
    /// </summary>
    /// <returns>Where an unreadable file was set aside, for the caller to log; null when none was.</returns>
    public static async Task<string?> OpenAsync(DiscoveryDbContext db, ReadOnlyStore readOnly, CancellationToken cancellationToken)
    {
        if (readOnly.Active)
        {
            return null;
        }

        try
        {
            return await EnsureReadyAsync(db, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException
            && db.Database.GetConnectionString() is { } connectionString && readOnly.TryServe(connectionString, exception.Message))
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }
    }

    /// <summary>
    /// Moves the store's file aside under a new name (the store is derived data, but the path may have been a mistake,
    /// or the file wanted for a look at what went wrong), so that a new one is made in its place.
    /// </summary>
    /// <returns>Where it now is.</returns>
    public static async Task<string> SetAsideAsync(DiscoveryDbContext db, string file, string why)
    {
        await db.Database.CloseConnectionAsync();
        SqliteConnection.ClearAllPools();
        var setAside = $"{file}.{why}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
        File.Move(file, setAside);
        File.Delete(file + "-wal");
        File.Delete(file + "-shm");
        return setAside;
    }

    /// <summary>
    /// Why the store's file is damaged (pages overwritten: a disk error, a torn copy restored), or null when SQLite's
    /// quick check finds it whole. Read on a connection of its own; it reads every page, so it is asked only once a query
    /// or an import has met damage (see <see cref="IsDamage"/>).
    /// </summary>
    public static string? Damage(string? connectionString)
    {
        if (FileOf(connectionString) is not { } file || !File.Exists(file))
        {
            return null;
        }

        try
        {
            return Probe(file, "PRAGMA quick_check(1)") is string verdict && verdict != "ok" ? verdict
                : MissingTables(file) is { Count: > 0 } missing ? $"no table {string.Join(", ", missing)}" : null;
        }
        catch (SqliteException exception) when (IsUnreadable(exception))
        {
            return exception.Message;
        }
        catch (SqliteException)
        {
            return null; // busy or locked: asked again when damage is met again
        }
    }

    /// <summary>
    /// True when the failure, or one it wraps, is SQLite finding the store's file damaged, or without one of this build's
    /// tables (which a store being built lacks for a moment too: <see cref="Damage"/> tells the two apart).
    /// </summary>
    public static bool IsDamage(Exception? exception) => SqliteFailureIn(exception) is { } failure && (IsUnreadable(failure) || MissesATable(failure));

    /// <summary>The tables of this build's model, read once from it.</summary>
    private static readonly Lazy<IReadOnlyList<string>> Tables = new(() =>
    {
        using var db = new DiscoveryDbContext(new DbContextOptionsBuilder<DiscoveryDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(type => type.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    });

    // "no such table: EntryFacts", for a table of the model.
    private static bool MissesATable(SqliteException failure) =>
        failure.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR
        && Tables.Value.Any(table => failure.Message.Contains($"no such table: {table}", StringComparison.Ordinal));

    /// <summary>The tables of this build's model the file lacks, asked on a connection of its own.</summary>
    private static List<string> MissingTables(string file)
    {
        var probe = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        using var connection = new SqliteConnection(probe.ToString());
        connection.Open();
        return MissingTables(connection);
    }

    private static List<string> MissingTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        return Tables.Value.Where(table => !present.Contains(table)).ToList();
    }

    /// <summary>
    /// True when the store open on the connection is this build's, with all its tables, and holds a completed import:
    /// one the site can serve as it is.
    /// </summary>
    public static bool HoldsACompletedImport(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM StoreInfo WHERE SchemaVersion = $schema AND LastImport IS NOT NULL";
        command.Parameters.AddWithValue("$schema", SchemaVersion);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0 && MissingTables(connection).Count == 0;
    }

    /// <summary>The SQLite failure behind a failure (EF and ASP.NET wrap it), or null when there is none.</summary>
    public static SqliteException? SqliteFailureIn(Exception? exception)
    {
        while (exception is not null and not SqliteException)
        {
            exception = exception.InnerException;
        }

        return exception as SqliteException;
    }

    // "File is not a database" and "database disk image is malformed".
    private static bool IsUnreadable(SqliteException exception) =>
        exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT;

    private static bool IsUnreadableFile(string file)
    {
        try
        {
            StoreInfoTables(file);
            return false;
        }
        catch (SqliteException exception)
        {
            return IsUnreadable(exception);
        }
    }

    // Asked on a read-only connection of its own: pooled ones still read a deleted file's old contents, and EF would log
    // a failed command as an error.
    private static long StoreInfoTables(string file) =>
        Convert.ToInt64(Probe(file, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'StoreInfo'"), System.Globalization.CultureInfo.InvariantCulture);

    private static object? Probe(string file, string sql)
    {
        var probe = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly };
        using var connection = new SqliteConnection(probe.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>The store's file, as a full path; null for an in-memory store.</summary>
    private static string? FileOf(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetFullPath(file);
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
            if (await OpenAsync(db, services.GetRequiredService<ReadOnlyStore>(), CancellationToken.None) is { } setAside)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DiscoveryDatabase)).LogWarning(
                    "The store {StoreFile} was not a store the site can read; it was set aside as {SetAside}, and a new one is built from the content", file, setAside);
            }

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
        if (FileOf(connectionString) is not { } file)
        {
            return false;
        }

        if (!File.Exists(file))
        {
            return true;
        }

        try
        {
            return StoreInfoTables(file) == 0;
        }
        catch (SqliteException exception) when (IsUnreadable(exception))
        {
            // Replaced by a file that is no store at all: built again, the file set aside (see EnsureReadyAsync).
            return true;
        }
        catch (SqliteException)
        {
            // Busy or locked by a writer: not lost, only in use.
            return false;
        }
    }

    /// <summary>
    /// The schema of the store at its path when it is not this build's (another build made it since), else null: asked
    /// on a connection of its own, like <see cref="IsLost"/>.
    /// </summary>
    public static int? OtherSchema(string? connectionString)
    {
        if (FileOf(connectionString) is not { } file)
        {
            return null;
        }

        try
        {
            return Probe(file, "SELECT SchemaVersion FROM StoreInfo ORDER BY Id LIMIT 1") is long schema && schema != SchemaVersion ? (int)schema : null;
        }
        catch (SqliteException)
        {
            // Gone, busy or not a store: IsLost and the import itself say so.
            return null;
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
