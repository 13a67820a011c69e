using System.Threading.Channels;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Keeps the store in line with the content folder. The site listens at once: the first import runs in the
/// background (a store from an earlier run is served meanwhile). After that every "something changed" signal — a file
/// saved, renamed or deleted (a picture included), or a scheduled article's day — goes into one channel, and one loop imports for it.
/// </summary>
public sealed class ContentImportService(
    ContentImporter importer,
    IDbContextFactory<DiscoveryDbContext> dbFactory,
    IOptions<DiscoveryOptions> options,
    StoreReadiness readiness,
    ReadOnlyStore readOnlyStore,
    TimeProvider clock,
    ILogger<ContentImportService> logger) : BackgroundService
{
    // Most editors' tools save in one rename or one write; a few write in steps, and a checkout writes many files. An
    // import waits until the folder has been quiet for a moment, so that those steps end, but no longer: a fixed pause
    // was a third of the time an edit took to show. Signals that arrive during an import are coalesced into one more
    // import, so the last state always wins, even when a checkout outlasts the longest wait.
    // A deletion waits longer: a folder being deleted file by file (rm -rf, a checkout half done) is still there and
    // readable, and an import that came between two of its files would take those files' articles off the site.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan QuietAfterDeletion = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestSettle = TimeSpan.FromSeconds(1);

    // When a file event last came, in the clock's timestamps; signals of timers and the vigil have no steps to wait for.
    private long _lastFileEvent;

    // 1 when a file was deleted since the last import began to settle.
    private int _deletionSeen;

    // Capacity one, extra signals dropped: "something changed" needs saying only once.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        importer.StoreRebuilding += readiness.MarkRebuilding;
        // Quick, and every page needs the schema: done before the site listens.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await DiscoveryDatabase.OpenAsync(db, readOnlyStore, cancellationToken);
            if (StoreReadiness.HasSomethingToServe(
                (await ContentStore.ReadInfoAsync(db, cancellationToken))?.LastImport is not null, await db.Articles.AnyAsync(cancellationToken), null, null))
            {
                readiness.MarkReady();
            }
        }

        await base.StartAsync(cancellationToken);
    }

    // How often the service looks for what no file event reports: the content folder back after a fault, the store
    // file gone; and how long it waits before trying again an import that failed for the store's sake (a full disk).
    private static readonly TimeSpan VigilInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryFailedImport = TimeSpan.FromSeconds(30);

    private FileSystemWatcher? _watcher;
    private DateTimeOffset _lastImport;

    // Which folder the watcher follows: a folder swapped in under the same name (a deploy that renames a fresh copy
    // into place, or repoints a symlink) is another folder, whose changes the old watcher never hears.
    private FolderIdentity? _watched;

    // A missing folder is logged as an error once, when it goes, not at every look.
    private bool _missingReported;

    // 1 when the watcher reported an error: it is replaced at the next vigil.
    private int _watcherFailed;

    // A folder that cannot be watched is said once, until it can.
    private bool _watchFailureReported;

    // Why imports fail, said once while it lasts rather than at every try.
    private readonly ImportFailureLog _failures = new(logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.WatchContent)
        {
            Rewatch();
        }

        // A folder that is not there yet (the site started on the store alone) is no folder without history: its import says so.
        if (Directory.Exists(importer.ContentRoot) && FirstPublication.WhyNoHistory(importer.ContentRoot) is { } noHistory)
        {
            logger.LogWarning("{NoHistory}: an address two articles claim goes to the one with the earlier 'published:' date, then file "
                + "name (a running instance keeps serving it from the article it already serves it from), so a copy of a published "
                + "article dated the same day or earlier would take its addresses on a new instance. Keep the content in a full "
                + "clone (git fetch --unshallow) so that the history decides", noHistory);
        }

        using var vigil = clock.CreateTimer(_ => KeepVigil(stoppingToken), null, VigilInterval, VigilInterval);
        ITimer? nextLook = null;
        try
        {
            nextLook = await ImportAsync(stoppingToken);
            if (importer.LastReport is { Articles: > 0 })
            {
                await importer.RehearseAsync(stoppingToken);
            }

            await foreach (var signal in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                await SettleAsync(stoppingToken);
                _changes.Reader.TryRead(out _);
                nextLook?.Dispose();
                nextLook = await ImportAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            nextLook?.Dispose();
            _watcher?.Dispose();
        }
    }

    /// <summary>
    /// Waits until no file event has come for <see cref="Quiet"/> (<see cref="QuietAfterDeletion"/> once a file was
    /// deleted), at most <see cref="LongestSettle"/>.
    /// </summary>
    private async Task SettleAsync(CancellationToken stoppingToken)
    {
        var start = clock.GetTimestamp();
        while (true)
        {
            var sinceLastEvent = clock.GetElapsedTime(Interlocked.Read(ref _lastFileEvent));
            var waited = clock.GetElapsedTime(start);
            var quiet = Volatile.Read(ref _deletionSeen) == 1 ? QuietAfterDeletion : Quiet;
            if (sinceLastEvent >= quiet || waited >= LongestSettle)
            {
                Interlocked.Exchange(ref _deletionSeen, 0);
                return;
            }

            await Task.Delay(quiet - sinceLastEvent, clock, stoppingToken);
        }
    }

    /// <summary>
    /// What file events cannot tell: a content folder deleted and restored (its watcher died with it), a store file
    /// deleted, a failed import worth trying again. Each asks for an import; the importer sorts out the rest.
    /// </summary>
    private void KeepVigil(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.WatchContent)
            {
                KeepWatching();
            }

            var fault = importer.Fault;
            if (fault is not null && Directory.Exists(importer.ContentRoot)
                && (fault.FolderMissing || clock.GetUtcNow() - _lastImport > RetryFailedImport))
            {
                _changes.Writer.TryWrite(true);
            }

            // A folder that went out of reach without a file event (its permissions changed, a mount gone stale): the
            // import that follows finds why, and health says it.
            if (fault is null && importer.LastReport is not null && importer.FolderProblem() is not null)
            {
                _changes.Writer.TryWrite(true);
            }

            // A change the watcher never told of (inotify loses events when folders are swapped under it).
            if (options.Value.WatchContent && importer.ChangedSinceLastRead())
            {
                _changes.Writer.TryWrite(true);
            }

            using var db = dbFactory.CreateDbContext();
            var connectionString = db.Database.GetConnectionString();
            if (DiscoveryDatabase.IsLost(connectionString) || importer.DamageSuspected)
            {
                _changes.Writer.TryWrite(true);
            }

            // A store another build made over this one's is built again by the next import; not more often than a failed
            // import is tried again, since that build, if it still runs on the same file, would make it over again.
            if (clock.GetUtcNow() - _lastImport > RetryFailedImport && DiscoveryDatabase.OtherSchema(connectionString) is not null)
            {
                _changes.Writer.TryWrite(true);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Looking for changes the file events miss failed; trying again in {Seconds} s", VigilInterval.TotalSeconds);
        }
        catch (Exception)
        {
            // A look that was under way as the site stopped finds the services it asks for gone: nothing is wrong.
        }
    }

    /// <summary>
    /// Watches again, at most once a vigil, when nothing is watched (the folder was missing or could not be read), when
    /// the watcher failed, or when another folder was swapped in under the content folder's name. A failing watcher
    /// started again at once failed again at once: a thousand times a second, each leaving an inotify instance behind.
    /// </summary>
    private void KeepWatching()
    {
        var failed = Volatile.Read(ref _watcherFailed) == 1;
        var now = FolderIdentity.Of(importer.ContentRoot);
        if (now is null || (!failed && now == _watched))
        {
            return;
        }

        if (_watched is not null && !failed)
        {
            // What a deploy that swaps a fresh copy in does every time: news, not a fault.
            logger.LogInformation("{ContentRoot} is another folder than the one watched (swapped in under its name); watching it and importing", importer.ContentRoot);
        }

        // What happened while nothing (or the wrong folder) was watched is found by an import.
        _changes.Writer.TryWrite(true);
        Rewatch();
    }

    private void Rewatch()
    {
        lock (_changes)
        {
            // Cleared here, not when noticed: a failure seen while the folder was out of reach still asks for a new watcher.
            Interlocked.Exchange(ref _watcherFailed, 0);
            _watcher?.Dispose();
            _watcher = null;
            _watched = null;
            try
            {
                _watcher = WatchContentFolder();
                _watched = _watcher is null ? null : FolderIdentity.Of(importer.ContentRoot);
                _watchFailureReported = false;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Unreadable, or the system's limit of watches reached: tried again at the next vigil, said once.
                _watcher?.Dispose();
                _watcher = null;
                logger.Log(_watchFailureReported ? LogLevel.Debug : LogLevel.Warning,
                    "{ContentRoot} cannot be watched ({Reason}); looking for changes every {Seconds} s until it can", importer.ContentRoot, exception.Message, VigilInterval.TotalSeconds);
                _watchFailureReported = true;
            }
        }
    }

    /// <summary>One import; returns the timer that asks for the next import no file event will ask for, if one is due.</summary>
    private async Task<ITimer?> ImportAsync(CancellationToken stoppingToken)
    {
        _lastImport = clock.GetUtcNow();
        try
        {
            var report = await importer.ImportAsync(stoppingToken);
            _missingReported = false;
            _failures.Succeeded();
            return ScheduleNextLook(report);
        }
        catch (ContentFolderMissingException missing)
        {
            logger.Log(_missingReported ? LogLevel.Debug : LogLevel.Error, "Content import skipped: {Reason}", missing.Message);
            _missingReported = true;
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The transaction rolled back: the site keeps serving the last good import, if the store still holds one.
            _failures.Failed(exception, await HoldsACompletedImportAsync(), clock.GetUtcNow());
            if (DiscoveryDatabase.IsDamage(exception))
            {
                importer.DamageMet();
            }

            if (DiscoveryDatabase.SqliteFailureIn(exception) is { SqliteErrorCode: SQLitePCL.raw.SQLITE_READONLY })
            {
                // A pooled connection opened while the store could not be written stays read-only once it can be (its
                // folder made writable again, a disk remounted): the next try opens new ones. Kept, every try failed
                // until a restart (found by replay 5).
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }

            return null;
        }
        finally
        {
            // A failed import leaves the last good store to serve, if there is one; a store that never held a completed
            // import (a first import that failed, a store being built again) would serve an empty site as 200s and 404s,
            // and so would one whose every article is refused (found by replay 9).
            if (await HasSomethingToServeAsync())
            {
                readiness.MarkReady();
            }
        }
    }

    private async Task<bool> HoldsACompletedImportAsync()
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return (await ContentStore.ReadInfoAsync(db, CancellationToken.None))?.LastImport is not null;
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task<bool> HasSomethingToServeAsync()
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return StoreReadiness.HasSomethingToServe(
                (await ContentStore.ReadInfoAsync(db, CancellationToken.None))?.LastImport is not null, await db.Articles.AnyAsync(), importer.LastReport, importer.Fault);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The import no file event will ask for: on the next scheduled article's day, and once the files held back as
    /// possibly still being written have been still long enough (by the file system's clock, which their times are in).
    /// </summary>
    private ITimer? ScheduleNextLook(ImportReport report)
    {
        var waits = new List<TimeSpan>();
        if (report.NextScheduledPublication is { } day)
        {
            var due = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - clock.GetUtcNow();
            // Timers take at most about 49 days; a later article is picked up by a later signal.
            waits.Add(TimeSpan.FromTicks(Math.Clamp(due.Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromDays(40).Ticks)));
            logger.LogInformation("Next scheduled article is due on {Day:yyyy-MM-dd}", day);
        }

        // A year fact may be at most next year: on New Year a file refused for one may be right (see IsolatedArticleParser).
        if (report.RefusedFiles > 0)
        {
            var now = clock.GetUtcNow();
            waits.Add(TimeSpan.FromTicks(Math.Min((new DateTimeOffset(now.Year + 1, 1, 1, 0, 0, 1, TimeSpan.Zero) - now).Ticks, TimeSpan.FromDays(40).Ticks)));
        }

        // A new store with many refused files looks through the history for their last good versions a few commits an
        // import: it goes on at once rather than at the next edit, which may be weeks away (found by replay 9).
        if (report.NotLookedUpInHistory > 0)
        {
            waits.Add(TimeSpan.FromMilliseconds(50));
        }

        if (report.HeldUntil is { } heldUntil)
        {
            var margin = TimeSpan.FromMilliseconds(100);
            waits.Add(TimeSpan.FromTicks(Math.Clamp((heldUntil - DateTimeOffset.UtcNow + margin).Ticks, margin.Ticks, (ContentFolder.CutOffSettleTime + ContentFolder.SettleTime).Ticks)));
        }

        return waits.Count == 0 ? null : clock.CreateTimer(_ => _changes.Writer.TryWrite(true), null, waits.Min(), Timeout.InfiniteTimeSpan);
    }

    private FileSystemWatcher? WatchContentFolder()
    {
        if (!Directory.Exists(importer.ContentRoot))
        {
            return null;
        }

        // A folder the site may not read (a checkout made by another user) cannot be watched: said, and tried again.
        _ = Directory.EnumerateFileSystemEntries(importer.ContentRoot).Any();
        var watcher = new FileSystemWatcher(importer.ContentRoot)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        try
        {
            watcher.Changed += OnContentChanged;
            watcher.Created += OnContentChanged;
            watcher.Deleted += OnContentChanged;
            watcher.Renamed += OnContentChanged;
            // Too many changes at once (a large checkout), or a folder that cannot be read: events were lost, so import
            // once, and watch afresh at the next vigil (not at once: a watcher that fails fails again at once).
            watcher.Error += (_, _) =>
            {
                Interlocked.Exchange(ref _watcherFailed, 1);
                _changes.Writer.TryWrite(true);
            };
            watcher.EnableRaisingEvents = true;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }

        logger.LogInformation("Watching {ContentRoot} for changes", importer.ContentRoot);
        return watcher;
    }

    private void OnContentChanged(object sender, FileSystemEventArgs change)
    {
        if (IsContent(change.FullPath) || (change is RenamedEventArgs renamed && IsContent(renamed.OldFullPath)))
        {
            if (change.ChangeType == WatcherChangeTypes.Deleted)
            {
                Interlocked.Exchange(ref _deletionSeen, 1);
                if (change.Name is ContentFolder.ArticlesFolderName or ContentFolder.KindsFileName)
                {
                    // The content folder itself may be going with them (rm -rf, then a copy under its name): a watcher on a
                    // deleted folder hears nothing more, and the copy may even be given the old folder's inode, so that
                    // nothing looks swapped (found replaying issue 21). Watched afresh at the next vigil.
                    Interlocked.Exchange(ref _watcherFailed, 1);
                }
            }

            importer.FileChanged(change.FullPath);
            Interlocked.Exchange(ref _lastFileEvent, clock.GetTimestamp());
            _changes.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Whether a change to this path can change the site: articles and kinds.yml (any case: "2021-04-X.MD" must reach the
    /// importer so that the editor hears about its name), folders, and anything under the pictures folder, whatever its
    /// name (a picture replaced in place, renamed or deleted, or one in a format that is refused with a reason).
    /// </summary>
    private bool IsContent(string path)
    {
        if (ContentFolder.IsHidden(importer.ContentRoot, path))
        {
            // git's own writes (.git) and editors' lock and swap files: an import for each was a loop with git at work.
            return false;
        }

        var pictures = Path.Combine(importer.ContentRoot, PictureRules.Folder) + Path.DirectorySeparatorChar;
        return ContentFolder.IsContentName(Path.GetFileName(path)) || path.StartsWith(pictures, StringComparison.Ordinal);
    }
}
