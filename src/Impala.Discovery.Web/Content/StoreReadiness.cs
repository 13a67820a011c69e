namespace Impala.Discovery.Web.Content;

/// <summary>
/// Whether the store has content to serve: at once when it holds a completed import from an earlier run, otherwise
/// once the first import of this run has finished. Until then pages answer "the site is starting".
/// </summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();
}
