using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// A year fact may be at most next year, so an article refused in December for one two years ahead is right on New
/// Year's Day with the very same text. A running site went on refusing it (its parse was kept by the file's
/// fingerprint, and nothing imported on New Year) while a restarted one took it: two instances of one commit disagreed
/// (found by sweep 5).
/// </summary>
public sealed class YearBoundaryTests
{
    private const string Venues = "2021-02-music-venues.md";

    [Fact]
    public async Task OnNewYear_TheRunningImporter_TakesWhatARestartedOneTakes()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
        using var running = new ImportHarness(now: clock.Now, parser: new IsolatedArticleParser(NullLogger.Instance, clock: clock));
        running.Edit(Venues, "- **Opened:** 2003", "- **Opened:** 2028");
        var december = await running.ImportAsync();

        clock.Now = running.Clock.Now = new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero);
        var january = await running.ImportAsync();
        using var restarted = running.Restarted(new IsolatedArticleParser(NullLogger.Instance, clock: clock));
        var afterRestart = await restarted.ImportAsync();

        Assert.Equal(1, december.RefusedFiles);
        Assert.Equal(0, afterRestart.RefusedFiles);
        Assert.Equal(0, january.RefusedFiles);
        Assert.Equal(2028, (await running.FindEntryAsync("venues", "a38"))?.Year);
    }

    [Fact]
    public async Task OnNewYear_TheSiteImportsByItself_WithoutAnyFileChanging()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var article = Path.Combine(content, ContentFolder.ArticlesFolderName, Venues);
        File.WriteAllText(article, File.ReadAllText(article).Replace("- **Opened:** 2003", "- **Opened:** 2028", StringComparison.Ordinal));
        // Three seconds before New Year, by the site's clock; moved past midnight once the first import has refused the file.
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 59, 57, TimeSpan.Zero));
        await using var factory = new DiscoveryFactory(content, clock: clock);
        using var client = factory.CreateClient();
        using var before = await client.GetAsync("/venues/a38", TestContext.Current.CancellationToken);

        clock.Now = new DateTimeOffset(2027, 1, 1, 0, 0, 5, TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        await Eventually.WaitForAsync(
            async () => (await client.GetAsync("/venues/a38", TestContext.Current.CancellationToken)).StatusCode,
            status => status == HttpStatusCode.OK, "the venue refused in December being served on New Year's Day");
    }
}
