using System.Diagnostics;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Brings the store in line with the content folder, top to bottom: read every file on its own, parse each in
/// isolation (only those that changed), check them together, plan, and write the plan in one transaction.
/// A file with errors is refused and logged; whatever the store held for it stays, so one mistake never takes a page down.
/// </summary>
public sealed class ContentImporter : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ContentFolder _folder;
    private readonly IDbContextFactory<DiscoveryDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<ContentImporter> _logger;
    private readonly IsolatedArticleParser _parser;
    private readonly ContentEvaluator _evaluator;
    private KindsSource? _lastGoodKinds;
    private RemovalsSource? _lastGoodRemovals;
    private string _lastGoodPlaceNames = "";

    // What the store held after the last import, by the content version it had then. The version is a hash of every
    // article's fingerprint, so a store with that version holds exactly these articles, whoever wrote it: an edit's
    // import reads them from here rather than from every entry's rows.
    private (string Version, Dictionary<string, StoredArticle> Articles)? _lastStored;

    // Whether the parses the store kept were handed to the parser (see IsolatedArticleParser.Remember).
    private bool _keptParsesRead;

    // The store's content version as this instance's last import left it (see ContentVersionWritten).
    private string? _versionWritten;

    /// <summary>
    /// The store's content version as this instance's last completed write left it; null before one. A store found at
    /// another version, while no import of this instance is under way, was written by another process on the same file.
    /// </summary>
    public string? ContentVersionWritten => Volatile.Read(ref _versionWritten);

    /// <summary>
    /// When the import under way began, or null: one that has run far longer than an import takes is stuck (a store
    /// locked by another process, a content folder on a mount that hangs), which health says.
    /// </summary>
    public DateTimeOffset? ImportingSince => Interlocked.Read(ref _importingSinceTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    // UTC ticks, 0 when none: read by health probes on other threads, which must not see half a value.
    private long _importingSinceTicks;

    /// <summary>Raised when the store had gone (or is another build's) and is about to be built again, empty, by this import.</summary>
    public event Action? StoreRebuilding;

    /// <summary>An import of this instance is under way: the store may hold a version it has not recorded yet.</summary>
    public bool Importing => _oneAtATime.CurrentCount == 0;

    public ContentImporter(ContentFolder folder, IDbContextFactory<DiscoveryDbContext> dbFactory, TimeProvider clock, ILogger<ContentImporter> logger)
        : this(folder, dbFactory, clock, logger, new IsolatedArticleParser(logger, clock: clock))
    {
    }

    /// <summary>With a parser of the caller's choosing: tests give it one with a bug in it.</summary>
    public ContentImporter(
        ContentFolder folder, IDbContextFactory<DiscoveryDbContext> dbFactory, TimeProvider clock, ILogger<ContentImporter> logger, IsolatedArticleParser parser)
    {
        _folder = folder;
        _dbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        _parser = parser;
        _evaluator = new ContentEvaluator(folder, parser);
    }

    public string ContentRoot => _folder.Root;

    /// <summary>
    /// Why the content folder cannot be imported from right now (gone, unreadable, its articles gone), or null. A folder
    /// made unreadable (chmod) sends no file event: the vigil asks this, so that health does not say Healthy meanwhile.
    /// </summary>
    public string? FolderProblem() => _folder.Missing(LastReport is { Articles: > 0 });

    // The content folder's stamp as the last import began to read it (see ContentFolder.Stamp); NoStamp before one.
    private const long NoStamp = long.MinValue;
    private long _stampAtLastRead = NoStamp;

    /// <summary>Whether a file the site reads has changed since the last import read the folder, file events or not.</summary>
    public bool ChangedSinceLastRead() => Interlocked.Read(ref _stampAtLastRead) is var stamp && stamp != NoStamp && _folder.Stamp() != stamp;

    /// <summary>The watcher saw this file change: the next import reads it again, whatever its size and time say.</summary>
    public void FileChanged(string path)
    {
        _folder.Changed(path);
        _evaluator.PictureFolder.Changed(path);
        Interlocked.Increment(ref _changesSeen);
    }

    // File changes heard, and how many of them the last import that began after them has dealt with.
    private long _changesSeen;
    private long _changesImported;

    /// <summary>
    /// A file changed and no import has taken it in yet: pages served now are about to be out of date, so a cache in
    /// front (nginx's microcache) should not keep them (see ContentValidatorsPolicy).
    /// </summary>
    public bool ChangePending => Interlocked.Read(ref _changesImported) < Interlocked.Read(ref _changesSeen);

    /// <summary>What the last completed import found; null until the first one ends.</summary>
    public ImportReport? LastReport { get; private set; }

    /// <summary>Why the last import failed as a whole (the store or the folder, not an editor's file); null once one completes.</summary>
    public ImportFault? Fault { get; private set; }

    // 1 once a query or an import met a damaged page of the store: the next import checks the whole file.
    private int _damageMet;

    // Imports in a row that wrote nothing while the history was being searched (see ImportAsync).
    private int _heldForHistory;

    /// <summary>At most this many imports in a row wait for the history search; each evaluates a dozen commits.</summary>
    public const int MaxImportsHeldForHistory = 40;

    /// <summary>True when a query or an import met a damaged page since the last import (see <see cref="DamageMet"/>).</summary>
    public bool DamageSuspected => Volatile.Read(ref _damageMet) == 1;

    /// <summary>
    /// Says that a query or an import failed on a damaged page of the store: the next import checks the whole file and,
    /// if it is damaged, sets it aside and builds the store again from the content. Before, such a store answered 500 on
    /// the pages that read those pages, after a restart too (found by replay 5).
    /// </summary>
    public void DamageMet() => Interlocked.Exchange(ref _damageMet, 1);

    // A list, not a multicast delegate: invoking one of those awaits only the last subscriber's task, so the others
    // would run unawaited and their failures be lost.
    private readonly List<Func<ImportReport, CancellationToken, Task>> _importedHandlers = [];

    /// <summary>
    /// Raised after every import that completed, so that what was built from the old content (cached pages) is dropped.
    /// Every handler is awaited in turn; one that fails is logged and the others still run.
    /// </summary>
    public event Func<ImportReport, CancellationToken, Task> Imported
    {
        add
        {
            lock (_importedHandlers)
            {
                _importedHandlers.Add(value);
            }
        }

        remove
        {
            lock (_importedHandlers)
            {
                _importedHandlers.Remove(value);
            }
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    public async Task<ImportReport> ImportAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var changesBefore = Interlocked.Read(ref _changesSeen);
        Interlocked.Exchange(ref _importingSinceTicks, _clock.GetUtcNow().UtcTicks);
        try
        {
            ImportReport report;
            try
            {
                report = await ImportOnceAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Fault = exception is ContentFolderMissingException
                    ? new ImportFault(Fault?.Since ?? _clock.GetUtcNow(), exception.Message, FolderMissing: true)
                    : new ImportFault(Fault?.Since ?? _clock.GetUtcNow(),
                        $"The store could not be brought in line with the content ({exception.GetType().Name}: {exception.Message}).", FolderMissing: false);
                throw;
            }

            Fault = null;
            LastReport = report;
            var notShownYet = report.Files.Where(file => file.State is FileState.Draft or FileState.Scheduled)
                .Select(file => file.File).ToHashSet(StringComparer.Ordinal);
            foreach (var error in report.Errors)
            {
                if (notShownYet.Contains(error.File))
                {
                    _logger.LogWarning("Content error in an article not yet published: {ContentError}", error.ToString());
                }
                else
                {
                    _logger.LogWarning("Content error, file not imported: {ContentError}", error.ToString());
                }
            }

            foreach (var warning in report.Warnings)
            {
                _logger.LogWarning("Content warning: {ContentWarning}", warning.ToString());
            }

            _logger.LogInformation(
                "Content import from {ContentRoot}: {Articles} articles and {Entries} entries served, {Written} articles written, "
                + "{LeftAlike} found as this build writes them, {Drafts} drafts and {Scheduled} scheduled checked, {Errors} errors, {Warnings} warnings, {Milliseconds} ms",
                _folder.Root, report.Articles, report.Entries, report.ArticlesWritten, report.ArticlesLeftAlike,
                report.Files.Count(file => file.State == FileState.Draft), report.Files.Count(file => file.State == FileState.Scheduled),
                report.Errors.Count, report.Warnings.Count, report.Milliseconds);
            if (report.ArticlesWritten + report.ArticlesLeftAlike > 50)
            {
                // A large import (a fresh store) leaves tens of megabytes of parse trees behind: give them back to the
                // system now rather than keep the heap at its peak for the life of the process. Collected from a fresh
                // stack: this frame still held the whole parse (20 MB of HTML at 10,000 entries), which the collection
                // then promoted instead of freeing.
                await Task.Yield();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            await NotifyImportedAsync(report, cancellationToken);

            return report;
        }
        finally
        {
            // Failed or not, this import read the folder after those changes: they are no longer pending.
            Interlocked.Exchange(ref _changesImported, changesBefore);
            Interlocked.Exchange(ref _importingSinceTicks, 0);
            _oneAtATime.Release();
        }
    }

    private async Task NotifyImportedAsync(ImportReport report, CancellationToken cancellationToken)
    {
        List<Func<ImportReport, CancellationToken, Task>> handlers;
        lock (_importedHandlers)
        {
            handlers = [.. _importedHandlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(report, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LogError(exception, "A step that follows each import failed; the import itself is complete");
            }
        }
    }

    private async Task<ImportReport> ImportOnceAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        // Taken before the read: a change made while this import reads is seen by the next vigil.
        Interlocked.Exchange(ref _stampAtLastRead, _folder.Stamp());
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        ReadOnlyStore.Of(db)?.EndOnceWritable(db.Database.GetConnectionString()!);
        await RebuildIfLostAsync(db, cancellationToken);
        var today = Today();
        var storedArticles = await StoredArticlesAsync(db, cancellationToken);
        if (_folder.Missing(storedArticles.Count > 0) is { } missing)
        {
            throw new ContentFolderMissingException(missing);
        }

        if (!_keptParsesRead)
        {
            // Once per process, before the first parse: reading them costs a tenth of parsing every file again.
            _parser.Remember(await ContentStore.ReadKeptParsesAsync(db, cancellationToken));
            _keptParsesRead = true;
        }

        var previous = await PreviousContentAsync(db, storedArticles, cancellationToken);
        var evaluation = await _evaluator.EvaluateAsync(previous, today, cancellationToken);
        RefuseAReadOfNoArticle(evaluation, storedArticles.Count);

        // While the history is still being searched for refused files' last good versions, nothing is written: an article
        // accepted because no one knew yet what a refused file's version held became a stored version itself, and kept
        // the address from the version found at the next import (found by replay 11: a newcomer took the milestones'
        // address and all their entries off a new store). The next import follows at once and goes on from the commits
        // evaluated, which are remembered; past MaxImportsHeldForHistory in a row, the plan is written as it stands.
        if (evaluation.NotLookedUpInHistory > 0 && ++_heldForHistory <= MaxImportsHeldForHistory)
        {
            var held = await ReportAsync(db, 0, evaluation.Errors, evaluation.Warnings, stopwatch, evaluation.Plan?.NextScheduledPublication, evaluation.Files,
                cancellationToken);
            return held with { NotLookedUpInHistory = evaluation.NotLookedUpInHistory };
        }

        _heldForHistory = 0;

        // The write step: first where the pictures' renditions are made from (named by their hash, so they mean the same
        // whatever the plan; nothing is encoded until a rendition is asked for), then the plan in one transaction.
        await ContentStore.RecordPictureSourcesAsync(db, evaluation.PicturesToKeep, evaluation.PicturesFromHistory, cancellationToken);

        RememberLastGood(evaluation);
        if (!evaluation.KindsRead)
        {
            _logger.LogWarning("{KindsFile} cannot be read; {Fallback}", ContentFolder.KindsFileName,
                evaluation.Kinds is null ? "no earlier version is known, so nothing is imported until it is fixed" : "articles are checked against its last good version");
        }

        // A file the store refuses is planned again as refused, and the rest written without it: each round refuses at
        // least one more of the files to write, so this ends.
        var leftAlike = 0;
        while (evaluation.Plan is { } plan)
        {
            (var refusedByStore, var version, leftAlike) = await ApplyAsync(db, evaluation, plan, rehearsal: false, cancellationToken);
            if (refusedByStore.Count == 0)
            {
                Remember(version, storedArticles, plan);
                break;
            }

            foreach (var refusal in refusedByStore)
            {
                _logger.LogError("The store refused an article the checks let through: {ContentError}", refusal.ToString());
            }

            previous = previous with
            {
                StoreRefused = previous.StoreRefused.Values.Concat(refusedByStore).GroupBy(error => error.File, StringComparer.Ordinal)
                    .ToDictionary(refusals => refusals.Key, refusals => refusals.Last(), StringComparer.Ordinal),
            };
            evaluation = await _evaluator.EvaluateAsync(previous, today, cancellationToken);
            RefuseAReadOfNoArticle(evaluation, storedArticles.Count);
        }

        var report = await ReportAsync(db, (evaluation.Plan?.Write.Count ?? 0) - leftAlike, evaluation.Errors, evaluation.Warnings, stopwatch,
            evaluation.Plan?.NextScheduledPublication, evaluation.Files, cancellationToken);
        return report with
        {
            Unrecorded = evaluation.Unrecorded,
            HeldUntil = evaluation.HeldUntil,
            ArticlesLeftAlike = leftAlike,
            NotLookedUpInHistory = evaluation.NotLookedUpInHistory,
        };
    }

    /// <summary>
    /// The folder passed the look before the read, then went (or became a link, or was emptied) before its files were
    /// read: `rm -rf` and a checkout racing this import. Applied, the plan would take every article off the site.
    /// </summary>
    private void RefuseAReadOfNoArticle(ContentEvaluation evaluation, int storedArticles)
    {
        if (evaluation.Plan is not null && evaluation.ArticleFilesSeen == 0 && storedArticles > 0 && !_folder.EveryArticleDeletedInACommit())
        {
            throw new ContentFolderMissingException(_folder.Missing(storeHasArticles: true)
                ?? $"{ContentFolder.ArticlesFolderName}/ held no article when it was read, while the site serves some (it was being replaced). "
                    + "The site keeps serving them, and imports again within a second.");
        }
    }

    /// <summary>
    /// Writes the newest article again in a transaction that is then rolled back: nothing changes and no one hears of an
    /// import. A start on an up-to-date store writes nothing, so the write path (EF's query compilation, the JIT) would
    /// first run for an editor's first save, which then took about three times as long as the saves after it. A start
    /// on a new store writes every article into empty tables, which leaves an edit's own steps (replacing one article's
    /// rows) for the first save as well.
    /// </summary>
    public async Task RehearseAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        // It holds up every import while it runs, so it counts as one (a store locked by another process stops it too).
        Interlocked.Exchange(ref _importingSinceTicks, _clock.GetUtcNow().UtcTicks);
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await StoredArticlesAsync(db, cancellationToken);
            if (stored.Count == 0)
            {
                return;
            }

            var newest = stored.Keys.Max(StringComparer.Ordinal)!;
            var changed = new Dictionary<string, StoredArticle>(stored, StringComparer.Ordinal) { [newest] = stored[newest] with { Hash = "" } };
            var evaluation = await _evaluator.EvaluateAsync(
                await PreviousContentAsync(db, changed, cancellationToken), Today(), cancellationToken);
            if (evaluation.Plan is { } plan)
            {
                await ApplyAsync(db, evaluation, plan, rehearsal: true, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning(exception, "Rehearsing an import failed; nothing was changed, and the first edit may take longer to show");
        }
        finally
        {
            Interlocked.Exchange(ref _importingSinceTicks, 0);
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// The day articles are published as of: the clock's, but never before the day the checkout's newest commit was
    /// made. A machine whose clock is far behind (a clock reset at boot before NTP, a VM or container set wrong) made
    /// every article "scheduled" and the whole site a 404, while health said Healthy (found by replay 8).
    /// </summary>
    private DateOnly Today()
    {
        var now = _clock.GetUtcNow();
        // Asked of git once a minute at most, by a clock that cannot go back, not at every edit's import.
        if (_headCommit is not { } known || Environment.TickCount64 - known.AskedAt > 60_000)
        {
            _headCommit = known = (Environment.TickCount64, FirstPublication.HeadCommitTime(ContentRoot));
        }

        ClockBehindContent = known.Time is { } committed && committed > now + ClockSlack ? committed : null;
        return DateOnly.FromDateTime((ClockBehindContent ?? now).UtcDateTime);
    }

    // A committer's clock a little ahead is not a machine's clock set wrong.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromHours(1);

    private (long AskedAt, DateTimeOffset? Time)? _headCommit;

    /// <summary>
    /// When this machine's clock read more than an hour before the newest commit of the content at the last import: that
    /// commit's time, which the import then published as of (see <see cref="Today"/>); null while the clock is right.
    /// </summary>
    public DateTimeOffset? ClockBehindContent { get; private set; }

    // What the store holds: remembered after the last import while the store's content version is still the one it had.
    private async Task<Dictionary<string, StoredArticle>> StoredArticlesAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var info = await ContentStore.ReadInfoAsync(db, cancellationToken);
        if (_lastStored is { } last && last.Version == info?.ContentVersion && info?.WrittenBy == KeptParseJson.Build)
        {
            return last.Articles;
        }

        var stored = await ContentStore.ReadArticlesAsync(db, cancellationToken);
        if (stored.Count == 0 || info?.WrittenBy == KeptParseJson.Build)
        {
            return stored;
        }

        // Another build wrote these rows (a deploy, a rollback): they hold what it made of each text, which this build
        // may make differently. Each is taken as changed, so that every article is made again as this build makes it;
        // the store then writes only those whose rows come out otherwise (see ContentStore.ApplyAsync).
        _logger.LogInformation("The store was written by another build of the site; every article is made again, and written where this build makes it otherwise");
        return stored.ToDictionary(pair => pair.Key, pair => pair.Value with { Hash = "" }, StringComparer.Ordinal);
    }

    // What the store holds once the plan is written, worked out from what it held rather than read back: reading every
    // entry's rows again took up to a third of an edit's import at 10,000 entries. Kept under the version the write
    // gave the store, in the same transaction, so a store another instance changed since is read again.
    private void Remember(string? version, IReadOnlyDictionary<string, StoredArticle> stored, ImportPlan plan)
    {
        if (version is null)
        {
            _lastStored = null;
            return;
        }

        Volatile.Write(ref _versionWritten, version);
        if (plan.Yielded.Count > 0)
        {
            // A last good version that gave addresses up (rare) is read back: which countries it still names is in its rows.
            _lastStored = null;
            return;
        }

        var articles = new Dictionary<string, StoredArticle>(stored, StringComparer.Ordinal);
        foreach (var file in plan.Remove)
        {
            articles.Remove(file);
        }

        foreach (var file in plan.Write)
        {
            articles[file.File] = StoredArticle.Written(file, plan.Kinds);
        }

        _lastStored = (version, articles);
    }

    private Task<(IReadOnlyList<ContentError> Refused, string? ContentVersion, int LeftAlike)> ApplyAsync(
        DiscoveryDbContext db, ContentEvaluation evaluation, ImportPlan plan, bool rehearsal, CancellationToken cancellationToken) =>
        ContentStore.ApplyAsync(db, plan, evaluation.Pictures, evaluation.Kinds!.Text, _lastGoodPlaceNames, evaluation.RemovalsRead || evaluation.RemovalsFromHistory ? evaluation.Removals : null,
            _clock.GetUtcNow(), rehearsal, cancellationToken);

    private async Task<PreviousContent> PreviousContentAsync(
        DiscoveryDbContext db, IReadOnlyDictionary<string, StoredArticle> storedArticles, CancellationToken cancellationToken) =>
        new(storedArticles,
            await ContentStore.ReadFormerAddressesAsync(db, cancellationToken),
            _lastGoodKinds ?? await StoredKindsAsync(db, cancellationToken),
            _lastGoodRemovals);

    /// <summary>
    /// The store is derived data: when its file has gone (deleted by hand, with its folder, a disk swapped) or was
    /// replaced by one that is no store, the connections still open on the old file are dropped and a new store is built
    /// from the content, like on a first start.
    /// </summary>
    private async Task RebuildIfLostAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString();
        var lost = DiscoveryDatabase.IsLost(connectionString);
        // Another build made the store over this one's (two builds on one store, a deploy set up wrong): this build's
        // tables are not all there, and every import failed on them until a restart (found by sweep 5).
        var otherSchema = lost ? null : DiscoveryDatabase.OtherSchema(connectionString);
        var damage = lost || otherSchema is not null || Interlocked.Exchange(ref _damageMet, 0) == 0 ? null : DiscoveryDatabase.Damage(connectionString);
        if (!lost && otherSchema is null && damage is null)
        {
            return;
        }

        // Its tables are empty until this import commits: pages answer "starting" meanwhile, not 404.
        StoreRebuilding?.Invoke();
        var file = db.Database.GetDbConnection().DataSource;
        if (lost)
        {
            _logger.LogWarning("The store {StoreFile} has gone; building it again from the content", file);
        }
        else if (damage is not null)
        {
            var setAsideDamaged = await DiscoveryDatabase.SetAsideAsync(db, file, "damaged");
            _logger.LogWarning("The store {StoreFile} is damaged ({Damage}); it was set aside as {SetAside}, and a new one is built from the content",
                file, damage, setAsideDamaged);
        }
        else
        {
            _logger.LogWarning("The store {StoreFile} was made by another build of the site (schema {Schema}, this build's is {OwnSchema}); building it again from the content",
                file, otherSchema, DiscoveryDatabase.SchemaVersion);
        }

        await db.Database.CloseConnectionAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (await DiscoveryDatabase.EnsureReadyAsync(db, cancellationToken) is { } setAside)
        {
            _logger.LogWarning("The file at {StoreFile} was no store the site can read; it was set aside as {SetAside}", file, setAside);
        }
    }

    private void RememberLastGood(ContentEvaluation evaluation)
    {
        if (evaluation.KindsRead)
        {
            _lastGoodKinds = evaluation.Kinds;
        }

        if (evaluation.RemovalsRead || evaluation.RemovalsFromHistory)
        {
            _lastGoodRemovals = evaluation.Removals;
        }

        if (evaluation.PlaceNames is { } placeNames)
        {
            _lastGoodPlaceNames = placeNames;
        }
    }

    /// <summary>The last good kinds.yml the store keeps, so that it survives a restart; null if it never had one.</summary>
    private async Task<KindsSource?> StoredKindsAsync(DiscoveryDbContext db, CancellationToken cancellationToken)
    {
        if ((await ContentStore.ReadInfoAsync(db, cancellationToken))?.KindsText is not { } storedText)
        {
            return null;
        }

        try
        {
            return ContentFolder.ParseCatalog(storedText) is { Succeeded: true } stored ? stored.Value : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogError(exception, "The stored copy of {KindsFile} could not be read", ContentFolder.KindsFileName);
            return null;
        }
    }

    private async Task<ImportReport> ReportAsync(
        DiscoveryDbContext db, int written, IReadOnlyList<ContentError> errors, IReadOnlyList<ContentError> warnings, Stopwatch stopwatch,
        DateOnly? next, IReadOnlyList<FileOutcome> files, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.CountAsync(cancellationToken);
        var entries = await db.Entries.CountAsync(cancellationToken);
        return new ImportReport(articles, entries, written, errors, warnings, stopwatch.ElapsedMilliseconds, next, files, _clock.GetUtcNow());
    }
}
