using Impala.Discovery.Tests.Features.Health;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Found by replay 8: a machine whose clock was years behind (reset at boot before NTP, a VM set wrong) took every
/// article for scheduled, answered 404 for the whole site, and health said Healthy. The content cannot be older than
/// its newest commit: articles are published as of that day, and health names the clock.
/// </summary>
public sealed class ClockBehindContentTests
{
    private static readonly DateTimeOffset Committed = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WrongClock = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AClockYearsBehindTheNewestCommit_PublishesAsOfThatCommit_AndLaterArticlesStayScheduled()
    {
        var repository = new TestRepository(Committed);
        File.WriteAllText(Path.Combine(repository.Content, "articles", "2026-12-later.md"), """
            ---
            title: Later
            kind: labels
            published: 2026-12-01
            summary: Not out yet.
            ---

            Soon.

            ## Zebra Sounds

            - **Country:** United Kingdom
            - **Founded:** 2001

            New.
            """);
        repository.Commit("a scheduled article", Committed.AddHours(1));
        using var harness = new ImportHarness(repository.Content, WrongClock, inPlace: true);

        var report = await harness.ImportAsync();

        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
        Assert.NotNull(await harness.FindEntryAsync("venues", "a38"));
        Assert.Null(await harness.FindEntryAsync("labels", "zebra-sounds"));
        Assert.Equal(FileState.Scheduled, Assert.Single(report.Files, file => file.File == "articles/2026-12-later.md").State);
        Assert.Equal(Committed.AddHours(1), harness.Importer.ClockBehindContent);
    }

    [Fact]
    public async Task AClockRight_IsNotFlagged_AndOutsideGitNothingChanges()
    {
        using var right = new ImportHarness(new TestRepository(Committed).Content, Committed.AddDays(3), inPlace: true);
        await right.ImportAsync();
        Assert.Null(right.Importer.ClockBehindContent);

        // Outside git the clock is all there is: the frozen articles (2020-2021) are scheduled for a clock in 2001.
        using var noGit = new ImportHarness(now: WrongClock);
        await noGit.ImportAsync();
        Assert.Null(noGit.Importer.ClockBehindContent);
        Assert.Null(await noGit.FindEntryAsync("labels", "ninja-tune"));
    }

    [Fact]
    public async Task Health_SaysDegraded_NamingTheClock()
    {
        var repository = new TestRepository(Committed);
        await using var factory = new DiscoveryFactory(repository.Content, clock: new FixedClock(WrongClock));
        using var client = factory.CreateClient();

        var health = await client.ReadyAsync();

        Assert.StartsWith("Degraded", health);
        Assert.Contains("clock reads 2001-01-01", health);
        Assert.Equal(System.Net.HttpStatusCode.OK, await client.StatusAsync("/labels/ninja-tune"));
    }
}
