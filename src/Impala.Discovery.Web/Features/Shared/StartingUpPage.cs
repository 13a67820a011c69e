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
    /// Whether the request failed because the store's file was deleted or replaced and is being built again from the
    /// content (the import service looks every second): for that moment the site answers as while starting, 503 with
    /// Retry-After, which is also what /health/ready says, rather than a 500 that is a bug of ours.
    /// </summary>
    public static bool FailedOnALostStore(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        while (error is not null and not SqliteException)
        {
            error = error.InnerException;
        }

        if (error is not SqliteException failure)
        {
            return false;
        }

        var connectionString = context.RequestServices.GetRequiredService<DiscoveryDbContext>().Database.GetConnectionString();
        return DiscoveryDatabase.IsLost(connectionString) || MissedATableRebuiltSince(failure, connectionString);
    }

    // "no such table: Kinds" for a table the file holds now: the query ran between the store's loss and its rebuild.
    // A table still missing from a store is a damaged store, a 500.
    private static bool MissedATableRebuiltSince(SqliteException failure, string? connectionString)
    {
        const string NoSuchTable = "no such table: ";
        var at = failure.Message.IndexOf(NoSuchTable, StringComparison.Ordinal);
        if (failure.SqliteErrorCode != 1 || at < 0 || connectionString is null)
        {
            return false;
        }

        var table = new string(failure.Message[(at + NoSuchTable.Length)..].TakeWhile(char.IsLetterOrDigit).ToArray());
        try
        {
            var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(readOnly.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", table);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
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
