namespace Impala.Discovery.Web.Content;

/// <summary>
/// Whether the store has content to serve: at once when it holds a completed import from an earlier run, otherwise
/// once an import of this run has completed. Until then pages answer "the site is starting" (a 503 that reloads
/// itself), not 404s from empty tables: also while a store that had gone is built again from the content.
/// </summary>
public sealed class StoreReadiness
{
    private readonly Lock _lock = new();
    private volatile TaskCompletionSource _ready = NotYet();
    private volatile bool _rebuilding;

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>
    /// Whether a store has something to serve: a completed import that serves articles, or one that refused nothing
    /// and did not fail (a series with no article yet). A store whose every article is refused answered an empty site of
    /// 200s and 404s while health said "Nothing to serve" (found by replay 9); after a restart, before this run's first
    /// import, an empty store is not known to be one of those, so it waits for that import.
    /// </summary>
    public static bool HasSomethingToServe(bool completedImport, bool servesArticles, ImportReport? lastReport, ImportFault? fault) =>
        completedImport && (servesArticles || (lastReport is { RefusedFiles: 0 } && fault is null));

    public Task WhenReady => _ready.Task;

    /// <summary>The store had gone (or was another build's) and is being built again from the content.</summary>
    public bool Rebuilding => _rebuilding;

    public void MarkReady()
    {
        lock (_lock)
        {
            _rebuilding = false;
            _ready.TrySetResult();
        }
    }

    /// <summary>Not ready again until the import that builds the store again has completed.</summary>
    public void MarkRebuilding()
    {
        lock (_lock)
        {
            _rebuilding = true;
            if (_ready.Task.IsCompleted)
            {
                _ready = NotYet();
            }
        }
    }

    private static TaskCompletionSource NotYet() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
