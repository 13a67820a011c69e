namespace Impala.Discovery.Web.Content;

/// <summary>
/// Says why imports fail without flooding the log. A failed import is tried again at each look (every second while the
/// folder's stamp moves, every 30 s otherwise), and a store that cannot be opened (its file made a directory, found by
/// replay 4) fails every try the same way: each was an error line, so the log grew by a line a second. Now a failure
/// is logged with its stack when it begins or changes, then once a minute at most while it lasts, and the end is said.
/// What the site does meanwhile is said as it is: it serves the last good content only if the store still holds one.
/// </summary>
public sealed class ImportFailureLog(ILogger logger)
{
    /// <summary>How often a failure that lasts is said again.</summary>
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromMinutes(1);

    private string? _failure;
    private DateTimeOffset _saidAt;
    private int _triesSinceSaid;

    /// <param name="exception">Why the import failed.</param>
    /// <param name="serving">Whether the store still holds a completed import to serve.</param>
    /// <param name="now">When it failed.</param>
    public void Failed(Exception exception, bool serving, DateTimeOffset now)
    {
        var consequence = serving
            ? "the site keeps serving the last good content"
            : "the site has nothing it can serve and answers 503 until an import succeeds";
        var failure = $"{exception.GetType().Name}: {exception.Message}; {consequence}";
        if (failure != _failure)
        {
            logger.LogError(exception, "Content import failed; {Consequence}", consequence);
            (_failure, _saidAt, _triesSinceSaid) = (failure, now, 0);
            return;
        }

        _triesSinceSaid++;
        if (now - _saidAt < RepeatEvery)
        {
            logger.LogDebug("Content import failed again ({Failure})", failure);
            return;
        }

        logger.LogWarning("Content import still fails ({Failure}), {Tries} more tries since {Since:HH:mm:ss} UTC", failure, _triesSinceSaid, _saidAt);
        (_saidAt, _triesSinceSaid) = (now, 0);
    }

    /// <summary>An import went through: a failure that was said is said to be over.</summary>
    public void Succeeded()
    {
        if (_failure is not null)
        {
            logger.LogInformation("Content import succeeds again");
            _failure = null;
        }
    }
}
