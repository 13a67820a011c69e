using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Shared;

public static class StartingUpPage
{
    /// <summary>Seconds until a browser asks again: Retry-After for programs, the meta refresh for people.</summary>
    public const int RetrySeconds = 5;

    public static readonly string RetryAfter = RetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Self-contained: while the store is empty there is nothing to build a real page from. The meta refresh reloads it
    // by itself (browsers ignore Retry-After), so a newcomer sees the site appear without pressing anything.
    private static readonly string Page = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="{{RetrySeconds}}">
        <meta name="description" content="IMPALA's discovery series is starting up.">
        <title>Starting up · IMPALA discovery series</title>
        <link rel="stylesheet" href="/css/site.css">
        </head>
        <body>
        <main id="main" class="page"><h1>The site is starting</h1><p>The articles are being read. This page reloads by itself in a few seconds.</p></main>
        </body>
        </html>
        """;

    /// <summary>
    /// On a brand-new store the site listens before its first import has finished: until then every page answers
    /// 503 with Retry-After instead of pretending the series is empty.
    /// </summary>
    public static IApplicationBuilder UseStartingUpPage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var readiness = context.RequestServices.GetRequiredService<StoreReadiness>();
            // Health probes answer for themselves: "live" while starting too, "ready" with its own 503.
            // Files of wwwroot need no store: the starting page's own stylesheet is one of them.
            if (readiness.IsReady || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
                || SitePath.AreaOf(context.Request.Path) == PathArea.Health
                || IsStaticFile(context))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfter;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page, context.RequestAborted);
        });

    /// <summary>
    /// Whether the request failed because the store's file was deleted, replaced or damaged and is being built again
    /// from the content (the import service looks every second): for that moment the site answers as while starting, 503 with
    /// Retry-After, which is also what /health/ready says, rather than a 500 that is a bug of ours.
    /// </summary>
    public static bool FailedOnALostStore(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        if (DiscoveryDatabase.IsDamage(error))
        {
            // A damaged page of the store, or a table of this build missing from it: the import service checks the file
            // within a second and builds the store again.
            context.RequestServices.GetRequiredService<ContentImporter>().DamageMet();
            return true;
        }

        return DiscoveryDatabase.SqliteFailureIn(error) is { } failure
            && context.RequestServices.GetRequiredService<DiscoveryDbContext>().Database.GetConnectionString() is { } connectionString
            && IsBeingBuilt(connectionString, MissingTable(failure));
    }

    // "no such table: Kinds": the table the failed query did not find.
    private static string? MissingTable(SqliteException failure)
    {
        const string NoSuchTable = "no such table: ";
        var at = failure.Message.IndexOf(NoSuchTable, StringComparison.Ordinal);
        return failure.SqliteErrorCode == 1 && at >= 0
            ? new string(failure.Message[(at + NoSuchTable.Length)..].TakeWhile(char.IsLetterOrDigit).ToArray())
            : null;
    }

    // The file as it is now, on a read-only connection of its own (pooled ones may still read a deleted file): gone, no
    // store, a store no import has finished writing yet, or one that holds the table the query missed (built again
    // since). A store that holds an import and still lacks the table is damaged: a 500.
    private static bool IsBeingBuilt(string connectionString, string? missedTable)
    {
        try
        {
            var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(readOnly.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM StoreInfo WHERE LastImport IS NOT NULL) = 0 "
                + "OR EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $missed)";
            command.Parameters.AddWithValue("$missed", (object?)missedTable ?? DBNull.Value);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException probe)
        {
            // 1: no StoreInfo table (a new, empty file); the others: no file, no store, or one being written.
            return probe.SqliteErrorCode is 1 or SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT
                or SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED;
        }
    }

    /// <summary>A file, or a fingerprinted name of one, in one of wwwroot's folders (or at its top).</summary>
    private static bool IsStaticFile(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var root = context.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        var folder = SitePath.Folder(path);
        return root.GetFileInfo(path).Exists || (folder is not null && root.GetDirectoryContents(folder).Exists);
    }
}
