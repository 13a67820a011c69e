using System.Net;
using Impala.Discovery.Tests.Features.Health;
using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// A refused file on a store that never held it (issue 21): a new instance takes its last good version from the history,
/// as a running instance keeps the one it last accepted, so both serve the same while the file is refused.
/// </summary>
public sealed class LastGoodFromHistoryTests
{
    private const string Venues = "2021-02-music-venues.md";
    private const string Labels = "2021-03-record-labels.md";
    private const string Milestones = "2020-10-impala-milestones.md";
    private const string MilestonesNewcomer = "2019-03-newcomers.md";
    private static readonly DateTimeOffset Published = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ABrokenEditCommitted_ANewStoreServesTheLastGoodCommittedVersion_AsTheLiveStoreDoes()
    {
        var repository = new TestRepository(Published);
        Edit(repository, Venues, "summary: ", "summary: Edited and committed. ");
        repository.Commit("a good edit", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        Edit(repository, Venues, "## A38\n", "## A38\n\n- **Opened:** last year\n");
        repository.Commit("a broken edit", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.True(report.Errors.All(error => error.File == $"articles/{Venues}"), $"{store}: {string.Join("; ", report.Errors)}");
            Assert.NotEmpty(report.Errors);
            var outcome = Assert.Single(report.Files, file => file.File == $"articles/{Venues}");
            Assert.True(outcome is { State: FileState.Refused, EarlierVersionOnline: true }, $"{store}: {outcome}");
            Assert.NotNull(await harness.FindEntryAsync("venues", "a38"));
            Assert.StartsWith("Edited and committed. ", await SummaryAsync(harness, $"articles/{Venues}"));
        }

        Assert.Equal(await VenuesAsync(live), await VenuesAsync(fresh));

        // Once fixed, the file is taken as it is on the new store too.
        Edit(fresh, Venues, "- **Opened:** last year\n", "");
        Edit(fresh, Venues, "summary: Edited and committed. ", "summary: Fixed. ");
        var fixedReport = await fresh.ImportAsync();
        Assert.Empty(fixedReport.Errors);
        Assert.StartsWith("Fixed. ", await SummaryAsync(fresh, $"articles/{Venues}"));
    }

    [Fact]
    public async Task ANewcomerRefusedFromItsFirstCommit_HasNoLastGoodVersion_OnEitherStore()
    {
        var repository = new TestRepository(Published);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        File.WriteAllText(Path.Combine(repository.Content, "articles", "2026-11-newcomers.md"), """
            ---
            title: Newcomers
            kind: labels
            published: 2026-11-01
            summary: Labels that are new to the series.
            ---

            A few labels.

            ## Ninja Tune

            - **Country:** United Kingdom
            - **Founded:** 1990

            Taken already.

            ## Zebra Sounds

            - **Country:** United Kingdom
            - **Founded:** 2001

            New.
            """);
        repository.Commit("a newcomer that claims a published label", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.True(Assert.Single(report.Errors).File == "articles/2026-11-newcomers.md", store);
            Assert.True(await harness.FindEntryAsync("labels", "zebra-sounds") is null, $"{store} serves the refused newcomer's other label");
        }
    }

    [Fact]
    public async Task ABrokenRemovalsFileCommitted_ANewStoreAnswersTheRecordedAddressesGone_AsTheLiveStoreDoes()
    {
        var repository = new TestRepository(Published);
        var removals = Path.Combine(repository.Content, "removed.yml");
        File.WriteAllText(removals, "removed:\n  - path: /labels/closed-long-ago\n    reason: The label closed in 1999.\n");
        repository.Commit("a removal recorded", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        File.WriteAllText(removals, "removed:\n  - path: /labels/closed-long-ago\n    reason: [The label closed in 1999.\n");
        repository.Commit("removed.yml broken", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.True(report.Errors.All(error => error.File == "removed.yml") && report.Errors.Count > 0, $"{store}: {string.Join("; ", report.Errors)}");
            await using var db = harness.CreateDbContext();
            var gone = await db.FormerAddresses.Where(former => former.Path == "/labels/closed-long-ago").Select(former => former.Reason)
                .SingleOrDefaultAsync(TestContext.Current.CancellationToken);
            Assert.True(gone == "The label closed in 1999.", $"{store}: the recorded address is {(gone is null ? "unknown" : "kept as: " + gone)}");
        }
    }

    [Fact]
    public async Task ABrokenKindsFileCommitted_ANewStoreServesTheSiteWithItsLastGoodVersion()
    {
        var repository = new TestRepository(Published);
        var kinds = Path.Combine(repository.Content, "kinds.yml");
        File.AppendAllText(kinds, "  - key: [broken\n");
        repository.Commit("kinds.yml broken", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        var report = await fresh.ImportAsync();

        Assert.True(report.Errors.Count > 0 && report.Errors.All(error => error.File == "kinds.yml"), string.Join("; ", report.Errors));
        Assert.NotNull(await fresh.FindEntryAsync("labels", "ninja-tune"));
        Assert.NotNull(await fresh.FindEntryAsync("venues", "a38"));
    }

    // Found by replay 8: a new store looked at three versions of a file, newest first, and lost an article whose last
    // three commits were each still refused.
    [Fact]
    public async Task SeveralBrokenCommitsInARow_ANewStoreStillFindsTheLastGoodOne()
    {
        var repository = new TestRepository(Published);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            // Each attempt of another length: git takes a file of the same size and time for unchanged.
            Edit(repository, Venues, attempt == 1 ? "## A38\n" : $"- **Opened:** {new string('?', attempt - 1)}\n", attempt == 1 ? "## A38\n\n- **Opened:** ?\n" : $"- **Opened:** {new string('?', attempt)}\n");
            repository.Commit($"attempt {attempt} at a fix", new DateTimeOffset(2026, 11, attempt, 9, 0, 0, TimeSpan.Zero));
        }

        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
        var report = await fresh.ImportAsync();

        Assert.Contains(report.Errors, error => error.File == $"articles/{Venues}");
        Assert.NotNull(await fresh.FindEntryAsync("venues", "a38"));
        Assert.NotNull(await fresh.FindEntryAsync("venues", "rockefeller"));
    }

    // Found by replay 8: a committed kinds.yml change that refuses an article (a fact made required) lost it on a new
    // store, which read its last good version with today's catalogue; a running site keeps it as it was written.
    [Fact]
    public async Task AKindsChangeCommittedThatRefusesAnArticle_ANewStoreServesItsLastGoodVersion_AsTheLiveStoreDoes()
    {
        var repository = new TestRepository(Published);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        var kinds = Path.Combine(repository.Content, "kinds.yml");
        File.WriteAllText(kinds, File.ReadAllText(kinds).Replace("{ key: Genres, type: list }", "{ key: Genres, type: list, required: true }", StringComparison.Ordinal));
        repository.Commit("Genres required for labels", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.True(report.Errors.Count > 0 && report.Errors.All(error => error.File == "articles/2021-03-record-labels.md"), store);
            Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{store} lost the labels");
        }
    }

    // Found by replay 8: twenty articles each committed in a month of its own, all broken in the working tree: a new
    // store evaluated six commits an import and served 26 of 40 articles.
    [Fact]
    public async Task ManyArticlesEachFromItsOwnCommit_BrokenInTheWorkingTree_ANewStoreServesEveryOne()
    {
        var repository = new TestRepository(Published);
        const int Count = 15;
        for (var month = 1; month <= Count; month++)
        {
            File.WriteAllText(Path.Combine(repository.Content, "articles", $"{2010 + month}-01-label-{month}.md"), $"""
                ---
                title: Label {month}
                kind: labels
                published: {2010 + month}-01-01
                summary: One label.
                ---

                One label.

                ## Label Number {month}

                - **Country:** Denmark
                - **Founded:** 1990

                Its story.
                """);
            repository.Commit($"label {month}", new DateTimeOffset(2022, 1, month, 9, 0, 0, TimeSpan.Zero));
        }

        var clone = repository.Clone();
        for (var month = 1; month <= Count; month++)
        {
            EditFile(Path.Combine(clone.Content, "articles", $"{2010 + month}-01-label-{month}.md"), "- **Founded:** 1990\n", "- **Founded:** ninety\n");
        }

        using var fresh = new ImportHarness(clone.Content, inPlace: true);
        var report = await fresh.ImportAsync();

        Assert.Equal(Count, report.Files.Count(file => file.State == FileState.Refused && file.EarlierVersionOnline));
        for (var month = 1; month <= Count; month++)
        {
            Assert.True(await fresh.FindEntryAsync("labels", $"label-number-{month}") is not null, $"label {month} is not served");
        }
    }

    // Found by replay 9: after a run of ordinary edits, seven files refused, each by its own commit; a new store's first
    // import looked through a dozen commits, found the last good versions of six and served no associations at all (21
    // entries, 6 countries) until some later edit, while health said the seventh had no earlier version. It goes on
    // looking by itself, at once, and check looks to the end.
    [Fact]
    public async Task MoreCommitsToLookThroughThanOneImportEvaluates_ANewSiteServesEveryLastGoodVersionWithoutAnEdit_AndCheckAgrees()
    {
        var repository = new TestRepository(Published);
        var count = LastGoodFromHistory.CommitsEvaluated + 3;
        for (var label = 1; label <= count; label++)
        {
            File.WriteAllText(Path.Combine(repository.Content, "articles", $"{2000 + label}-01-label-{label}.md"),
                $"---\ntitle: Label {label}\nkind: labels\npublished: {2000 + label}-01-01\nsummary: One label.\n---\n\nOne label.\n\n"
                + $"## Label Number {label}\n\n- **Country:** Denmark\n- **Founded:** 1990\n\nIts story.\n");
            repository.Commit($"label {label}", new DateTimeOffset(2022, 1, label, 9, 0, 0, TimeSpan.Zero));
        }

        // Each broken by a commit of its own: the checked-out commit refuses them all, and each last good version is the
        // one a site built from the commit that brought it accepted.
        for (var label = 1; label <= count; label++)
        {
            Edit(repository, $"{2000 + label}-01-label-{label}.md", "- **Founded:** 1990\n", "- **Founded:** ninety\n");
            repository.Commit($"label {label} mistyped", new DateTimeOffset(2022, 2, label, 9, 0, 0, TimeSpan.Zero));
        }

        await using var fresh = new DiscoveryFactory(repository.Clone().Content);
        using var client = fresh.CreateClient();

        for (var label = 1; label <= count; label++)
        {
            var address = $"/labels/label-number-{label}";
            await Eventually.WaitForAsync(() => client.StatusAsync(address), status => status == HttpStatusCode.OK, $"{address} served");
        }

        var health = await Eventually.WaitForAsync(() => client.ReadyAsync(), text => !text.Contains("still being searched", StringComparison.Ordinal), "the history searched");
        Assert.Contains($"{count} content files are refused; ", health);
        var (exit, lines) = await ContentCheckTests.CheckAsync(repository.Content, "--base", "HEAD");
        Assert.Equal(1, exit);
        Assert.Equal(count, lines.Count(line => line.Contains("'ninety' is not a year", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.Contains(": 0 would stop working", StringComparison.Ordinal));
    }

    // Found by replay 9: an entry given a Slug line without an alias while its own article's intro links to its address,
    // in a commit after another article was broken. A running site refused the change (the link leads nowhere) and kept
    // the version before; a new store took the change as the last good version, since a site built from its commit
    // without the broken article's last good version could not tell where the link led, and let it through. Its entry
    // then lived at the new address, and the intro's link answered 404.
    [Fact]
    public async Task AVersionLetThroughOnlyBecauseALinkCouldNotBeChecked_IsNoLastGoodVersion_OnANewStoreAsOnALiveOne()
    {
        var repository = new TestRepository(Published);
        Edit(repository, Labels, "Some labels are so familiar", "Some labels, [ECM](/labels/ecm) among them, are so familiar");
        repository.Commit("the intro links to ECM", new DateTimeOffset(2021, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var liveCheckout = repository.Clone();
        using var live = new ImportHarness(liveCheckout.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        Edit(repository, Venues, "- **Opened:** 2003", "- **Opened:** last year");
        repository.Commit("the venues broken", new DateTimeOffset(2021, 5, 1, 9, 0, 0, TimeSpan.Zero));
        Edit(repository, Labels, "## ECM\n\n", "## ECM\n\n- **Slug:** ecm-records\n");
        repository.Commit("ECM moved without an alias", new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.Zero));
        liveCheckout.Git("pull", "-q", "--ff-only");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Labels}" && error.Message.Contains("/labels/ecm", StringComparison.Ordinal));
            Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{store} does not serve ECM where its article links");
            Assert.True(await harness.FindEntryAsync("labels", "ecm-records") is null, $"{store} serves the refused change");
        }
    }

    // Found by replay 9: the labels article made a draft (or dated later) while other articles link to its labels. A
    // running site refused the change, which would take linked addresses off the site, and kept the labels online; a new
    // store had no version to keep, took the draft, and refused the articles that link into it instead: every label 404.
    [Theory]
    [InlineData("made a draft", "kind: labels\n", "kind: labels\ndraft: true\n")]
    [InlineData("dated later", "published: 2021-03-01", "published: 2030-03-01")]
    public async Task AnArticleOthersLinkInto_MadeADraftOrDatedLater_IsRefused_ItsLastGoodVersionOnline_OnANewStoreAsOnALiveOne(string change, string find, string replace)
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published, repository => Edit(repository, Labels, find, replace));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            var refused = report.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).ToList();
            Assert.True(refused.SequenceEqual([$"articles/{Labels}"]), $"{store} refused {string.Join(", ", refused)}");
            Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{store} lost the labels {change}");
        }
    }

    // Found by replay 9: the labels article deleted and committed while two articles link into it. A running site refused
    // the deletion and kept the labels online; a new store had no version of the file and refused the two linking
    // articles instead: /labels, its 20 labels, the series page and the artists 404.
    [Fact]
    public async Task AnArticleOthersLinkInto_DeletedAndCommitted_IsRefused_ItsLastGoodVersionOnline_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published, repository => repository.Git("rm", "-q", $"content/articles/{Labels}"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            var refused = report.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).ToList();
            Assert.True(refused.SequenceEqual([$"articles/{Labels}"]), $"{store} refused {string.Join(", ", refused)}");
            Assert.Contains(report.Errors, error => error.File == $"articles/{Labels}" && error.Message.StartsWith("This file was deleted", StringComparison.Ordinal));
            Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{store} lost the labels");
        }
    }

    // Found by replay 9: an entry others link to moved out of its article into a new draft article. A running site refused
    // the change to the article it left (the draft does not serve it yet) and kept Ninja Tune online; a new store took the
    // article without it and refused the article that links to it instead.
    [Fact]
    public async Task AnEntryOthersLinkTo_MovedIntoADraftArticle_TheChangeIsRefused_TheEntryStaysOnline_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published, repository =>
        {
            var labels = Path.Combine(repository.Content, "articles", Labels);
            var text = File.ReadAllText(labels);
            var start = text.IndexOf("## Ninja Tune\n", StringComparison.Ordinal);
            var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal) + 1;
            File.WriteAllText(labels, text[..start] + text[end..]);
            File.WriteAllText(Path.Combine(repository.Content, "articles", "2023-05-more-labels.md"),
                "---\ntitle: More labels\nkind: labels\npublished: 2023-05-01\ndraft: true\nsummary: Soon.\n---\n\nIntro.\n\n" + text[start..end]);
        });

        // The new store's checkout was made a moment ago: the changed article is held as one that may still be being
        // written, which keeps its last version online as a refusal does.
        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            var labelsOutcome = Assert.Single(report.Files, file => file.File == $"articles/{Labels}");
            Assert.True(labelsOutcome.EarlierVersionOnline, $"{store}: {labelsOutcome}");
            Assert.DoesNotContain(report.Files, file => file.State == FileState.Refused && file.File != $"articles/{Labels}");
            Assert.True(await harness.FindEntryAsync("labels", "ninja-tune") is not null, $"{store} lost Ninja Tune");
        }

        // Settled, it is refused there too, and Ninja Tune stays.
        File.SetLastWriteTimeUtc(Path.Combine(stores.Fresh.ContentPath, "articles", Labels), DateTime.UtcNow.AddMinutes(-1));
        var settled = await stores.Fresh.ImportAsync();
        Assert.Equal([$"articles/{Labels}"], settled.Files.Where(file => file.State == FileState.Refused).Select(file => file.File));
        Assert.NotNull(await stores.Fresh.FindEntryAsync("labels", "ninja-tune"));
    }

    // The other side of the two above: an article deleted while nothing linked into it is gone on a running site, and a
    // link added to its address later leads nowhere there. A new store must not bring the article back for that link.
    [Fact]
    public async Task AnArticleDeletedWhileNothingLinkedIntoIt_ALinkAddedLater_IsRefused_AndTheArticleStaysGone_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => repository.Git("rm", "-q", $"content/articles/{Venues}"),
            repository => Edit(repository, Labels, "in London in 1990.", "in London in 1990, and played [the A38](/venues/a38)."));
        Assert.Null(await stores.Live.FindEntryAsync("venues", "a38"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Labels}" && error.Message.Contains("/venues/a38", StringComparison.Ordinal));
            Assert.True(await harness.FindEntryAsync("venues", "a38") is null, $"{store} brought the deleted venues back");
            Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{store} lost the labels");
        }
    }

    // Found by replay 10: a newcomer, dated before the venues article, that names a venue of it while the venues article
    // is refused. The commit evaluated on its own accepted the newcomer (it knew nothing of the venues' last good
    // version), so the newcomer's version was taken as a last good version, and the store refused to take two articles
    // at /venues/olympia. The import then planned the same version again, for ever: a running site took no edit any
    // more, and a new store served nothing.
    [Fact]
    public async Task ANewcomerNamingAVenueOfARefusedArticle_IsRefused_AndNoVersionOfItTakesTheVenue_OnANewStoreAsOnALiveOne()
    {
        const string Newcomer = "2019-08-newcomers.md";
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Venues, "## Pustervik\n\n", "## Pustervik\n\n- **Colour:** red\n"),
            repository => File.WriteAllText(Path.Combine(repository.Content, "articles", Newcomer),
                "---\ntitle: Newcomers\nkind: venues\npublished: 2019-08-01\nsummary: Two more venues.\n---\n\nA few more.\n\n"
                + "## Olympia\n\n- **Country:** France\n- **City:** Lyon\n\nAbout the other Olympia.\n\n"
                + "## Newcomer Hall\n\n- **Country:** France\n- **City:** Lyon\n\nAbout the hall.\n"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Newcomer}" && error.Message.Contains("/venues/olympia", StringComparison.Ordinal));
            await using var db = harness.CreateDbContext();
            var olympiaFrom = await db.Entries.Where(entry => entry.KindKey == "venues" && entry.Slug == "olympia").Select(entry => entry.Article.SourceFile)
                .SingleOrDefaultAsync(TestContext.Current.CancellationToken);
            Assert.True(olympiaFrom == $"articles/{Venues}", $"{store} serves /venues/olympia from {olympiaFrom ?? "nowhere"}");
            Assert.True(await harness.FindEntryAsync("venues", "newcomer-hall") is null, $"{store} serves a newcomer no site accepted");
        }
    }

    // A newcomer names the milestones' address in its aliases (refused: the milestones published it), is taken while the
    // milestones are dated later, and the milestones come back.
    private static readonly Action<TestRepository>[] NewcomerTookTheMilestonesAddressWhileTheyWereOff =
    [
        repository => File.WriteAllText(Path.Combine(repository.Content, "articles", MilestonesNewcomer),
            "---\ntitle: Newcomers\nkind: milestones\npublished: 2019-03-01\nsummary: One more milestone.\naliases: [impala-milestones]\n---\n\nOne more.\n\n"
            + "## Newcomer Four\n\n- **Year:** 2010\n\nAbout the newcomer.\n"),
        repository => Edit(repository, Milestones, "published: 2020-10-01", "published: 2030-10-01"),
        repository => Edit(repository, Milestones, "published: 2030-10-01", "published: 2020-10-01"),
    ];

    // Found by the instance agreement fuzzer (F1): a newcomer that names the milestones' address in its aliases is
    // refused, then taken while the milestones are dated later, then the milestones come back. The running store refused
    // both, each holding the other's address, and kept the newcomer online with the milestones' address; a new store
    // refused the newcomer alone and served nothing of it. The milestones published their address first and keep it;
    // the newcomer's last good version gives that former address up and stays online, on both.
    [Fact]
    public async Task ANewcomerTakingAnArticleAddressWhileItsHolderWasOff_GivesItBackWhenTheHolderReturns_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published, NewcomerTookTheMilestonesAddressWhileTheyWereOff);
        Assert.NotNull(await stores.Live.FindEntryAsync("milestones", "newcomer-four"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.True(report.Errors.All(error => error.File == $"articles/{MilestonesNewcomer}"), $"{store}: {string.Join("; ", report.Errors)}");
            Assert.Contains(report.Errors, error => error.Message.Contains("/series/impala-milestones", StringComparison.Ordinal));
            await using var db = harness.CreateDbContext();
            var milestonesFrom = await db.Articles.Where(article => article.Slug == "impala-milestones").Select(article => article.SourceFile)
                .SingleOrDefaultAsync(TestContext.Current.CancellationToken);
            Assert.True(milestonesFrom == $"articles/{Milestones}", $"{store} serves /series/impala-milestones from {milestonesFrom ?? "nowhere"}");
            var newcomer = await db.Articles.Where(article => article.SourceFile == $"articles/{MilestonesNewcomer}").SingleOrDefaultAsync(TestContext.Current.CancellationToken);
            Assert.True(newcomer is not null, $"{store} serves nothing of the newcomer's last good version");
            Assert.DoesNotContain("impala-milestones", newcomer.Aliases);
            Assert.NotNull(await harness.FindEntryAsync("milestones", "newcomer-four"));
        }
    }

    // Found by the instance agreement fuzzer after the fix above: the newcomer then broken, and the milestones deleted
    // with their address recorded as removed. The running store's last good version of the newcomer had given the
    // former address up and did not take it back: /series/impala-milestones answered 410. A new store took the newcomer's
    // version from the history as it was accepted, with the former address, and redirected it to the newcomer.
    [Fact]
    public async Task AFormerAddressGivenBackWhileRefused_StaysGivenUpOnceItsHolderIsDeleted_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
        [
            .. NewcomerTookTheMilestonesAddressWhileTheyWereOff,
            repository => Edit(repository, MilestonesNewcomer, "- **Year:** 2010\n", "- **Year:** 2010\n- **Colour:** red\n"),
            repository =>
            {
                File.Delete(Path.Combine(repository.Content, "articles", Milestones));
                File.WriteAllText(Path.Combine(repository.Content, "removed.yml"), "removed:\n  - path: /series/impala-milestones\n    reason: Taken off in a test.\n");
            },
        ]);

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Files, file => file is { File: $"articles/{MilestonesNewcomer}", State: FileState.Refused, EarlierVersionOnline: true });
            await using var db = harness.CreateDbContext();
            var newcomer = await db.Articles.Where(article => article.SourceFile == $"articles/{MilestonesNewcomer}").SingleAsync(TestContext.Current.CancellationToken);
            Assert.True(!newcomer.Aliases.Contains("impala-milestones"), $"{store} redirects /series/impala-milestones to the newcomer");
            Assert.NotNull(await harness.FindEntryAsync("milestones", "newcomer-four"));
        }
    }

    // Found by the instance agreement fuzzer (F5): an entry moved into a new article, then moved back by a checkout of
    // the old file (the new article is refused: the old one published the entry first), then the old file broken. The
    // running store kept the new article's last good version online without the entry it gave back; a new store found
    // that version in the history, saw the entry held by the old file's, and served nothing of the new article.
    [Fact]
    public async Task AnEntryMovedIntoANewArticleAndBack_TheNewArticleKeepsItsPageWithoutIt_OnANewStoreAsOnALiveOne()
    {
        const string More = "2023-03-more-venues.md";
        var original = File.ReadAllText(Path.Combine(FrozenContent.Path, "articles", Venues));
        var berghain = original[original.IndexOf("## Berghain", StringComparison.Ordinal)..original.IndexOf("## ", original.IndexOf("## Berghain", StringComparison.Ordinal) + 3, StringComparison.Ordinal)];
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository =>
            {
                Edit(repository, Venues, berghain, "");
                File.WriteAllText(Path.Combine(repository.Content, "articles", More),
                    "---\ntitle: More venues\nkind: venues\npublished: 2023-03-01\nsummary: One more venue.\n---\n\nOne more.\n\n" + berghain);
            },
            repository => File.WriteAllText(Path.Combine(repository.Content, "articles", Venues), original),
            repository => Edit(repository, Venues, "title: Twenty", "title: [Twenty"));
        Assert.NotNull(await stores.Live.FindEntryAsync("venues", "berghain"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            var refused = report.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).Order().ToList();
            Assert.True(refused.SequenceEqual([$"articles/{Venues}", $"articles/{More}"]), $"{store} refuses {string.Join(", ", refused)}");
            await using var db = harness.CreateDbContext();
            var berghainFrom = await db.Entries.Where(entry => entry.KindKey == "venues" && entry.Slug == "berghain").Select(entry => entry.Article.SourceFile)
                .SingleOrDefaultAsync(TestContext.Current.CancellationToken);
            Assert.True(berghainFrom == $"articles/{Venues}", $"{store} serves /venues/berghain from {berghainFrom ?? "nowhere"}");
            Assert.True(await db.Articles.AnyAsync(article => article.Slug == "more-venues", TestContext.Current.CancellationToken),
                $"{store} serves nothing at /series/more-venues");
        }
    }

    // Found by replay 10: an article refused, then another that links into it edited well (a running site took the edit:
    // it checked the link against the refused article's last good version), then broken. A new store judged the good edit
    // at its commit without that last good version: the link could not be checked, the edit was no last good version, and
    // the new store served an older one, without the venue the edit added.
    [Fact]
    public async Task AGoodEditMadeWhileAnArticleItLinksIntoWasRefused_IsTheLastGoodVersion_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => EditFile(Path.Combine(repository.Content, "articles", "2020-11-national-associations.md"), "## AMAEI\n\n", "## AMAEI\n\n- **Colour:** red\n"),
            repository => File.AppendAllText(Path.Combine(repository.Content, "articles", Venues),
                "\n## Added Seven\n\n- **Country:** France\n- **City:** Lyon\n\nA venue added while the associations were refused.\n"),
            repository => Edit(repository, Venues, "## Pustervik\n\n", "## Pustervik\n\n- **Colour:** red\n"));
        Assert.NotNull(await stores.Live.FindEntryAsync("venues", "added-seven"));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Venues}");
            Assert.True(await harness.FindEntryAsync("venues", "added-seven") is not null, $"{store} serves an older version of the venues");
        }
    }

    // Found by replay 9: kinds.yml changed (a fact the labels no longer have) while the labels article is refused. Its
    // last good version was committed while the Artists fact was still a plain list, and written again by the running
    // site when it became the artists' type; a new store read it with its own commit's catalogue, and wrote it without
    // its artists: every artist page 404.
    // Refused by the last kinds.yml change alone (its entries name the fact dropped), or for a mistake before it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KindsChangedWhileAnArticleIsRefused_ItsLastGoodVersionKeepsItsArtists_OnANewStoreAsOnALiveOne(bool mistakeFirst)
    {
        var kinds = (TestRepository repository) => Path.Combine(repository.Content, "kinds.yml");
        Action<TestRepository>[] changes =
        [
            repository =>
            {
                EditFile(kinds(repository), "{ key: Artists, type: artists }", "{ key: Artists, type: list }");
                Edit(repository, Labels, "summary: ", "summary: Edited while artists were a list. ");
            },
            repository => EditFile(kinds(repository), "{ key: Artists, type: list }", "{ key: Artists, type: artists }"),
            .. mistakeFirst ? [repository => Edit(repository, Labels, "## Ninja Tune\n\n- **Country:** United Kingdom\n", "## Ninja Tune\n\n")]
                : Array.Empty<Action<TestRepository>>(),
            repository => EditFile(kinds(repository), "      - { key: Genres, type: list }\n", ""),
        ];
        using var stores = await LiveAndNewStore.AfterAsync(Published, changes);

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Labels}");
            Assert.StartsWith("Edited while artists were a list. ", await SummaryAsync(harness, $"articles/{Labels}"));
            await using var db = harness.CreateDbContext();
            var artists = await db.Entries.Where(entry => entry.KindKey == "labels").SelectMany(entry => entry.Artists).CountAsync(TestContext.Current.CancellationToken);
            Assert.True(artists > 0, $"{store} serves the labels without their artists");
        }
    }

    // Found by replay 10: an article refused for a mistake, then made a draft or dated later with the mistake still in it.
    // A running site cannot read it, so it keeps the last good version online, as for any refused file; a new store took
    // it for a draft and served nothing of it.
    [Theory]
    [InlineData("made a draft", "kind: venues\n", "kind: venues\ndraft: true\n")]
    [InlineData("dated later", "published: 2021-02-01", "published: 2030-02-01")]
    public async Task AnArticleRefusedForAMistake_ThenMadeADraftOrDatedLater_KeepsItsLastGoodVersion_OnANewStoreAsOnALiveOne(string change, string find, string replace)
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Venues, "## A38\n", "## A38\n\n- **Opened:** last year\n"),
            repository => Edit(repository, Venues, find, replace));

        foreach (var (harness, store) in stores.Both)
        {
            var report = await harness.ImportAsync();

            var outcome = Assert.Single(report.Files, file => file.File == $"articles/{Venues}");
            Assert.True(outcome is { State: FileState.Refused, EarlierVersionOnline: true }, $"{store}, {change}: {outcome}");
            Assert.True(await harness.FindEntryAsync("venues", "a38") is not null, $"{store} took the venues off the site when {change}");
        }
    }

    // Found by replay 10's fuzzer (seed 30019): a fact's type changed in kinds.yml while the labels article is refused for
    // a mistake. A running site keeps the refused file's rows as it wrote them (Founded a year); a new store read its last
    // good version with today's catalogue (Founded a text, no decade).
    [Fact]
    public async Task AFactTypeChangedWhileAnArticleIsRefused_ItsLastGoodVersionKeepsTheTypeItWasWrittenWith_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Labels, "## Ninja Tune\n\n- **Country:** United Kingdom\n", "## Ninja Tune\n\n"),
            repository => EditFile(Path.Combine(repository.Content, "kinds.yml"), "{ key: Founded, type: year, required: true }", "{ key: Founded, type: text, required: true }"));

        foreach (var (harness, store) in stores.Both)
        {
            await harness.ImportAsync();

            var ecm = await harness.FindEntryAsync("labels", "ecm");
            Assert.True(ecm?.Facts.Single(fact => fact.Key == "Founded").Type == FactType.Year, $"{store} serves ECM's Founded as {ecm?.Facts.Single(fact => fact.Key == "Founded").Type}");
        }
    }

    // Found by replay 10's fuzzer (seed 30019): the venues refused for a mistake, an article that links to a venue since,
    // then the venues deleted. A running site refused the deletion and kept the venues' last good version; a new store
    // took the version with the mistake for the one that took the venue out, before anything linked to it, and served no
    // venue.
    [Fact]
    public async Task ARefusedArticleLinkedToSince_ThenDeleted_KeepsItsLastGoodVersion_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Venues, "## A38\n", "## A38\n\n- **Opened:** last year\n"),
            repository => Edit(repository, Labels, "in London in 1990.", "in London in 1990, and played [the A38](/venues/a38)."),
            repository => repository.Git("rm", "-q", $"content/articles/{Venues}"));

        foreach (var (harness, store) in stores.Both)
        {
            await harness.ImportAsync();

            Assert.True(await harness.FindEntryAsync("venues", "a38") is not null, $"{store} took the venues off the site");
            Assert.True(await harness.FindEntryAsync("labels", "ninja-tune") is not null, $"{store} refused the labels that link to a venue");
        }
    }

    // Found by replay 8: a file renamed with the alias the guide asks for and a mistake in the same save: its last good
    // version was served under the new name, and the address it had published answered 410 (404 on a new store).
    [Fact]
    public async Task ARenamedFileRefused_ItsLastGoodVersionKeepsItsAddress_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(Published);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        var clone = repository.Clone();
        foreach (var content in new[] { repository.Content, clone.Content })
        {
            var from = Path.Combine(content, "articles", "2021-03-record-labels.md");
            var to = Path.Combine(content, "articles", "2021-03-labels.md");
            File.Move(from, to);
            EditFile(to, "kind: labels\n", "kind: labels\naliases: [record-labels]\n");
            EditFile(to, "- **Founded:** 1990\n", "- **Founded:** 90\n");
        }

        using var fresh = new ImportHarness(clone.Content, inPlace: true);
        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == "articles/2021-03-labels.md");
            await using var db = harness.CreateDbContext();
            var served = await db.Articles.Select(article => article.Slug).ToListAsync(TestContext.Current.CancellationToken);
            Assert.True(served.Contains("record-labels"), $"{store} serves {string.Join(", ", served)}");
            Assert.NotNull(await harness.FindEntryAsync("labels", "ecm"));
        }
    }

    // Found by replay 8: a picture deleted, which refuses the article that names it: a running site keeps its last good
    // version; a new store took the same version from the history, which named the same picture, and refused it too. It
    // shows the picture its commit held (LastGoodVersionPictureTests).
    [Fact]
    public async Task APictureDeleted_ANewStoreServesTheLastGoodVersion_AsTheLiveStoreKeepsIt()
    {
        var repository = new TestRepository(Published);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        var clone = repository.Clone();
        File.Delete(Path.Combine(repository.Content, "images", "a38.jpg"));
        File.Delete(Path.Combine(clone.Content, "images", "a38.jpg"));
        using var fresh = new ImportHarness(clone.Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();

            Assert.Contains(report.Errors, error => error.File == $"articles/{Venues}" && error.Line > 1);
            Assert.True(await harness.FindEntryAsync("venues", "a38") is not null, $"{store} lost A38");
            Assert.True(await harness.FindEntryAsync("venues", "rockefeller") is not null, $"{store} lost the venues");
        }
    }

    private static void Edit(TestRepository repository, string file, string find, string replace) =>
        EditFile(Path.Combine(repository.Content, "articles", file), find, replace);

    private static void Edit(ImportHarness harness, string file, string find, string replace) => EditFile(harness.ArticlePath(file), find, replace);

    private static void EditFile(string path, string find, string replace)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        // Older than the settle time, as a file checked out is: not taken for one still being written.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));
    }

    private static async Task<string?> SummaryAsync(ImportHarness harness, string file)
    {
        await using var db = harness.CreateDbContext();
        return await db.Articles.Where(article => article.SourceFile == file).Select(article => article.Summary).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> VenuesAsync(ImportHarness harness)
    {
        await using var db = harness.CreateDbContext();
        return await db.Entries.Where(entry => entry.KindKey == "venues").OrderBy(entry => entry.Slug).Select(entry => entry.Slug)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
