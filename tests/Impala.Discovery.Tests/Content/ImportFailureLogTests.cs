using Impala.Discovery.Web.Content;
using Microsoft.Data.Sqlite;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// An import that fails at every try (a store that cannot be opened) is said when it begins, once a minute while it
/// lasts, and as what the site does meanwhile (found by replay 4: an error line a second, saying the site kept serving
/// while every page answered 503).
/// </summary>
public sealed class ImportFailureLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFailureAtEveryTry_IsAnErrorOnce_ThenAWarningAMinute()
    {
        var logger = new RecordingLogger<ContentImportService>();
        var failures = new ImportFailureLog(logger);
        var cannotOpen = new SqliteException("SQLite Error 14: 'unable to open database file'.", 14);

        for (var second = 0; second < 150; second++)
        {
            failures.Failed(cannotOpen, serving: false, Start.AddSeconds(second));
        }

        Assert.Collection(logger.Problems,
            first => Assert.StartsWith("Error: Content import failed; the site has nothing it can serve and answers 503", first),
            oneMinute => Assert.StartsWith("Warning: Content import still fails", oneMinute),
            twoMinutes => Assert.Contains("60 more tries since 22:01:00 UTC", twoMinutes));
    }

    [Fact]
    public void AFailureWhileTheStoreServes_SaysSo_AndAnotherFailureIsSaidAtOnce()
    {
        var logger = new RecordingLogger<ContentImportService>();
        var failures = new ImportFailureLog(logger);

        failures.Failed(new IOException("disk full"), serving: true, Start);
        failures.Failed(new IOException("disk full"), serving: true, Start.AddSeconds(30));
        failures.Failed(new IOException("disk full"), serving: false, Start.AddSeconds(31));
        failures.Succeeded();
        failures.Failed(new IOException("disk full"), serving: true, Start.AddSeconds(40));

        Assert.Collection(logger.Problems,
            serving => Assert.StartsWith("Error: Content import failed; the site keeps serving the last good content", serving),
            notServing => Assert.StartsWith("Error: Content import failed; the site has nothing it can serve", notServing),
            afterRecovery => Assert.StartsWith("Error: Content import failed; the site keeps serving", afterRecovery));
    }
}
