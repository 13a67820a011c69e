using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Prepares the store and imports the content before the site takes requests, then keeps it current:
/// a changed file is imported again within a second, and an article dated in the future appears on its day.
/// </summary>
public sealed class ContentImportService(
    ContentImporter importer,
    IDbContextFactory<DiscoveryDbContext> dbFactory,
    IOptions<DiscoveryOptions> options,
    IOutputCacheStore pageCache,
    TimeProvider clock,
    ILogger<ContentImportService> logger) : IHostedService, IDisposable
{
    // Editors' tools write a file in several steps; wait for the burst to end before importing once.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private readonly CancellationTokenSource _stopping = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ITimer? _publication;
    private bool _stopped;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DiscoveryDatabase.EnsureReadyAsync(db, cancellationToken);
        }

        await ImportAndScheduleAsync();

        _debounce = clock.CreateTimer(_ => _ = ImportAndScheduleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (options.Value.WatchContent && Directory.Exists(importer.ContentRoot))
        {
            _watcher = new FileSystemWatcher(importer.ContentRoot)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
            };
            _watcher.Changed += OnContentChanged;
            _watcher.Created += OnContentChanged;
            _watcher.Deleted += OnContentChanged;
            _watcher.Renamed += OnContentChanged;
            _watcher.EnableRaisingEvents = true;
            logger.LogInformation("Watching {ContentRoot} for changes", importer.ContentRoot);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        StopWatching();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopWatching();
        _stopping.Dispose();
    }

    // Hosts may stop, dispose, or both, in either order: stopping twice must be harmless.
    private void StopWatching()
    {
        lock (_stopping)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _stopping.Cancel();
            _watcher?.Dispose();
            _debounce?.Dispose();
            _publication?.Dispose();
        }
    }

    private void OnContentChanged(object sender, FileSystemEventArgs change)
    {
        var extension = Path.GetExtension(change.FullPath);
        if (extension is ".md" or ".yml" or "")
        {
            _debounce?.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ImportAndScheduleAsync()
    {
        try
        {
            var report = await importer.ImportAsync(_stopping.Token).ConfigureAwait(false);
            await PageCache.EvictAsync(pageCache, _stopping.Token).ConfigureAwait(false);
            SchedulePublication(report);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The site keeps serving the last good import; the operator sees why this one failed.
            logger.LogError(exception, "Content import failed; the site keeps serving the previous content");
        }
    }

    private void SchedulePublication(ImportReport report)
    {
        _publication?.Dispose();
        _publication = null;
        if (_stopped || report.NextScheduledPublication is not { } day)
        {
            return;
        }

        var due = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
        // Timers take at most about 49 days; a later article is picked up by a later run.
        var wait = TimeSpan.FromTicks(Math.Clamp(due.Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromDays(40).Ticks));
        _publication = clock.CreateTimer(_ => _ = ImportAndScheduleAsync(), null, wait, Timeout.InfiniteTimeSpan);
        logger.LogInformation("Next scheduled article is due on {Day}", day);
    }
}
