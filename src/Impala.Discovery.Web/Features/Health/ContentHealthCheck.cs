using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Impala.Discovery.Web.Features.Health;

/// <summary>
/// What a load balancer and an operator need to know, true for every fault: Unhealthy (503) while the site has nothing
/// to serve — still starting, or its imports failed or were refused before any content got in; Degraded (still
/// serving, still 200) while the last import failed (the folder gone, the store read-only or full) or a content file
/// is refused, or the content folder is out of reach, or another process wrote the store since this instance's last
/// import; Healthy when the content folder and the store agree, or, after a restart, while the store an earlier run
/// filled is served until this run's first import ends (which the text says).
/// </summary>
public sealed class ContentHealthCheck(
    StoreReadiness readiness, ContentImporter importer, ContentFolder folder, IDbContextFactory<DiscoveryDbContext> dbFactory, TimeProvider clock)
    : IHealthCheck
{
    private static readonly TimeSpan LongestImport = TimeSpan.FromSeconds(20);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = importer.LastReport;
        var refused = report?.RefusedFiles ?? 0;
        var data = new Dictionary<string, object> { ["refusedFiles"] = refused };
        var whyNothing = importer.Fault?.Reason
            ?? (refused > 0 ? $"{refused} content file{(refused == 1 ? " is" : "s are")} refused; the log and /content-status name each error." : null);
        if (!readiness.IsReady)
        {
            // Pages answer "starting" (503) until the store holds a completed import: say why it does not yet. An import
            // that wrote articles is finishing (the steps that follow it), not one that left nothing to serve: said so
            // for half a second at every start of a new store with refused files (found by replay 9).
            return HealthCheckResult.Unhealthy(
                whyNothing is not null && !await ServesArticlesAsync(cancellationToken) ? $"Nothing to serve: {whyNothing}"
                : readiness.Rebuilding ? "The store had gone and is being built again from the content; pages answer 503 until it is."
                : "The first import of the content has not finished yet.", data: data);
        }

        var servesArticles = await ServesArticlesAsync(cancellationToken);
        if (!servesArticles && whyNothing is not null)
        {
            return HealthCheckResult.Unhealthy($"Nothing to serve: {whyNothing}", data: data);
        }

        // The longest imports (every article written again after a deploy, at 10,000 entries) take seconds.
        if (importer.ImportingSince is { } importingSince && clock.GetUtcNow() - importingSince > LongestImport)
        {
            data["importingSince"] = importingSince;
            return HealthCheckResult.Degraded(
                $"An import has been under way since {importingSince:yyyy-MM-dd HH:mm:ss} UTC, far longer than imports take: the store may be locked by another "
                + "process, or the content folder slow to read. The site serves the content imported before.", data: data);
        }

        if (importer.Fault is { } fault)
        {
            data["failingSince"] = fault.Since;
            // A folder's own reason says already what the site keeps serving.
            return HealthCheckResult.Degraded($"Imports fail since {fault.Since:yyyy-MM-dd HH:mm:ss} UTC: {fault.Reason}"
                + (fault.FolderMissing ? "" : " The site serves the content imported before."), data: data);
        }

        // Looked at on every probe, not only through the last import's fault: a content/ link repointed at a release that
        // is not there sends the watcher no event, so no import runs to find the folder gone.
        if (folder.Missing(servesArticles) is { } missing)
        {
            return HealthCheckResult.Degraded(missing, data: data);
        }

        // A restart over a store an earlier run filled serves it at once; the files edited while the site was down are in
        // only once this run's first import ends (seconds at thousands of entries, more after a deploy).
        if (report is null)
        {
            return HealthCheckResult.Healthy(
                "Serving what an earlier run imported; the first import since this start has not finished yet.", data);
        }

        if (importer.ClockBehindContent is { } committed)
        {
            data["clockBehindContent"] = committed;
            return HealthCheckResult.Degraded(
                $"This machine's clock reads {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC, before the content's newest commit ({committed:yyyy-MM-dd HH:mm} UTC): "
                + "articles are published as of that commit's day until the clock is set right (NTP).", data: data);
        }

        if (OtherSchema() is { } schema)
        {
            return HealthCheckResult.Degraded(
                $"The store was made by another build of the site (schema {schema}; this build's is {DiscoveryDatabase.SchemaVersion}): most likely an "
                + "instance of another release on the same store file. Give each instance its own store (ConnectionStrings:Discovery); this "
                + "instance builds it again from its content within a minute.", data: data);
        }

        if (await OverwrittenSinceAsync(report, cancellationToken) is { } since)
        {
            data["overwrittenAfter"] = since;
            return HealthCheckResult.Degraded(
                $"Another process wrote the store after this instance's last import ({since:yyyy-MM-dd HH:mm:ss} UTC): most likely a second instance "
                + $"on the same store file. Pages show what it wrote, not the content of {folder.Root}. Give each instance its own store "
                + "(ConnectionStrings:Discovery); this instance imports its own content again at its next content change or restart.", data: data);
        }

        return refused == 0
            ? HealthCheckResult.Healthy("Every content file is imported.", data)
            : HealthCheckResult.Degraded($"{refused} content file{(refused == 1 ? " is" : "s are")} refused{WithNothingOnline(report)}; the log names each error.{Shallow()}", data: data);
    }

    /// <summary>
    /// How many refused articles have no earlier version online (one that never had an accepted version, in the store or
    /// the history): their addresses answer 404, which "refused" alone does not tell (found by replay 8).
    /// </summary>
    private static string WithNothingOnline(ImportReport? report) =>
        report?.Files.Count(file => file.State == FileState.Refused && !file.EarlierVersionOnline) is > 0 and var count
            ? $" ({count} of them with no earlier version online, so nothing of {(count == 1 ? "it" : "them")} is served"
                + (report.NotLookedUpInHistory > 0 ? $"; the history is still being searched for the earlier versions of {report.NotLookedUpInHistory})" : ")")
            : "";

    /// <summary>
    /// In a shallow clone the history cannot say which of two articles published an address first, so this instance may
    /// refuse another file than a full clone would (found by replay 8): said where it matters, beside the refusals.
    /// </summary>
    private string Shallow() =>
        FirstPublication.WhyNoHistory(folder.Root) is { } why && why.Contains("shallow", StringComparison.Ordinal)
            ? $" {why}: who keeps an address two articles claim is decided by their dates here, and may differ from a full clone's (git fetch --unshallow)."
            : "";

    /// <summary>
    /// When the store holds another content version than this instance's last import left, that import's end; else
    /// null. Another process wrote the store: two instances given one store (the README says never; a rolling deploy set
    /// up wrong does it), each importing its own folder over the other's. Not judged while an import of its own is under
    /// way, which may have committed a version it has not recorded yet.
    /// </summary>
    private async Task<DateTimeOffset?> OverwrittenSinceAsync(ImportReport? current, CancellationToken cancellationToken)
    {
        if (current is null || importer.ContentVersionWritten is null || importer.Importing)
        {
            return null;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var info = await ContentStore.ReadInfoAsync(db, cancellationToken);
            // Another version of the content, or the same content as another build wrote it (its own rendering).
            var overwritten = info?.ContentVersion is { } version && (version != importer.ContentVersionWritten || info.WrittenBy != KeptParseJson.Build);
            // Asked again after the read: an import of its own may have begun, or ended, meanwhile.
            return overwritten && !importer.Importing ? current.FinishedAt : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The store's own check says what is wrong with it.
            return null;
        }
    }

    private int? OtherSchema()
    {
        using var db = dbFactory.CreateDbContext();
        return DiscoveryDatabase.OtherSchema(db.Database.GetConnectionString());
    }

    private async Task<bool> ServesArticlesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Articles.AnyAsync(cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The store's own check says what is wrong with it.
            return false;
        }
    }
}
