using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content;

/// <summary>The importer against a real SQLite file and copies of the frozen content fixture.</summary>
public sealed class ContentImporterTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string Venues = "2021-02-music-venues.md";

    [Fact]
    public async Task Import_FrozenContent_ServesAllFourArticlesAndEightyEntries()
    {
        using var harness = new ImportHarness();

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(4, report.Articles);
        Assert.Equal(80, report.Entries);
        await using var db = harness.CreateDbContext();
        var perKind = await db.Entries.GroupBy(entry => entry.KindKey).ToDictionaryAsync(group => group.Key, group => group.Count(), TestContext.Current.CancellationToken);
        Assert.Equal(20, perKind["labels"]);
        Assert.Equal(20, perKind["venues"]);
        Assert.Equal(20, perKind["associations"]);
        Assert.Equal(20, perKind["milestones"]);
    }

    [Fact]
    public async Task Import_Twice_WritesNothingTheSecondTime()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();

        var second = await harness.ImportAsync();

        Assert.Equal(0, second.ArticlesWritten);
        Assert.Equal(80, second.Entries);
    }

    /// <summary>
    /// The look before the read saw an article (here a README.md, which is no article; a checkout that empties the
    /// folder between the look and the read does the same), the read found none: a folder fault, not a deletion of
    /// every article.
    /// </summary>
    [Fact]
    public async Task Import_AReadThatFindsNoArticle_KeepsServingEveryArticle_AsAFolderFault()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var articles = Path.Combine(harness.ContentPath, "articles");
        foreach (var file in Directory.GetFiles(articles))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(articles, "README.md"), "Notes for the editors.\n");

        var failure = await Assert.ThrowsAsync<ContentFolderMissingException>(() => harness.ImportAsync());

        Assert.Contains("held no article", failure.Message);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
        Assert.True(harness.Importer.Fault is { FolderMissing: true });
    }

    [Fact]
    public async Task Import_BrokenFile_KeepsTheLastGoodVersionAndServesTheRest()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        harness.Edit(Labels, "- **City:** London\n- **Founded:** 1990", "- **City:** London\n- **Founded:** nineteen ninety");

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal($"articles/{Labels}", error.File);
        Assert.True(error.Line > 1);
        Assert.Equal(80, report.Entries);
        var ninja = await harness.FindEntryAsync("labels", "ninja-tune");
        Assert.StartsWith("London, ", ninja!.Caption);
    }

    [Fact]
    public async Task Import_FixedFile_ReplacesTheLastGoodVersion()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        harness.Edit(Labels, "- **City:** London", "- **City:** Greater London");

        var report = await harness.ImportAsync();

        Assert.Equal(1, report.ArticlesWritten);
        Assert.StartsWith("Greater London, ", (await harness.FindEntryAsync("labels", "ninja-tune"))!.Caption);
    }

    [Fact]
    public async Task Import_BrokenFileOnAnEmptyStore_StillImportsEveryOtherFile()
    {
        using var harness = new ImportHarness();
        harness.Edit(Venues, "kind: venues", "kind: venuez");

        var report = await harness.ImportAsync();

        Assert.Contains("Did you mean 'venues'?", Assert.Single(report.Errors).Message);
        Assert.Equal(3, report.Articles);
        Assert.Equal(60, report.Entries);
    }

    [Fact]
    public async Task Import_DeletedFile_RemovesItsArticle()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        File.Delete(harness.ArticlePath(Venues));

        var report = await harness.ImportAsync();

        Assert.Equal(3, report.Articles);
        Assert.Null(await harness.FindEntryAsync("venues", "a38"));
    }

    [Fact]
    public async Task Import_DeletedFileOthersLinkTo_IsRefusedOnTheDeletedFileAndStaysOnline()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        File.Delete(harness.ArticlePath(Labels));

        var report = await harness.ImportAsync();

        Assert.Equal(4, report.Articles);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
        var error = Assert.Single(report.Errors);
        Assert.Equal("articles/" + Labels, error.File);
        Assert.Contains("was deleted", error.Message);
        Assert.Contains("/labels/ninja-tune", error.Message);
        Assert.Contains("/labels/crunchy-frog", error.Message);
        Assert.True(report.Files.Single(file => file.File == "articles/" + Labels) is { State: FileState.Refused, EarlierVersionOnline: true });
    }

    [Fact]
    public async Task Import_DraftArticle_IsCheckedButNotShown()
    {
        using var harness = new ImportHarness();
        harness.Edit(Venues, "kind: venues", "kind: venues\ndraft: true");

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(3, report.Articles);
        Assert.Null(await harness.FindEntryAsync("venues", "loppen"));
    }

    [Fact]
    public async Task Import_ArticleDatedInTheFuture_AppearsOnItsDay()
    {
        using var harness = new ImportHarness(now: new DateTimeOffset(2021, 2, 20, 9, 0, 0, TimeSpan.Zero));

        var before = await harness.ImportAsync();
        Assert.Equal(new DateOnly(2021, 3, 1), before.NextScheduledPublication);
        Assert.Null(await harness.FindEntryAsync("labels", "ninja-tune"));

        harness.Clock.Now = new DateTimeOffset(2021, 3, 1, 0, 0, 1, TimeSpan.Zero);
        var onTheDay = await harness.ImportAsync();

        Assert.Null(onTheDay.NextScheduledPublication);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
    }

    [Fact]
    public async Task Import_LinkToAnEntryThatDoesNotExist_RefusesThatArticleAndSuggestsTheNearestSlug()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        harness.Edit(Labels, "Music Declares Emergency initiative.", "Music Declares Emergency initiative. See [Loppen](/venues/lopen).");

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal($"articles/{Labels}", error.File);
        Assert.Contains("/venues/lopen leads to no venue", error.Message);
        Assert.Contains("Did you mean 'loppen'?", error.Message);
        Assert.DoesNotContain("/venues/lopen", (await harness.FindEntryAsync("labels", "ninja-tune"))!.BodyHtml);
    }

    [Theory]
    [InlineData("/countries/iceland", "Iceland, which has no page yet")]
    [InlineData("/countries/denmarc", "Did you mean 'denmark'?")]
    public async Task Import_LinkToACountryWithoutPage_IsRefused(string link, string expected)
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "Music Declares Emergency initiative.", $"Music Declares Emergency initiative. See [it]({link}).");

        var report = await harness.ImportAsync();

        Assert.Contains(expected, Assert.Single(report.Errors).Message);
    }

    [Fact]
    public async Task Import_LinkToACountryWithEntries_IsAccepted()
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "Music Declares Emergency initiative.", "Music Declares Emergency initiative. See [Denmark](/countries/denmark).");

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Import_ArticleRefusedForABadLink_DoesNotTakeDownArticlesLinkingIntoIt()
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "Music Declares Emergency initiative.", "Music Declares Emergency initiative. See [Loppen](/venues/lopen).");

        var report = await harness.ImportAsync();

        // The milestones link to Ninja Tune and the associations to Crunchy Frog; only the labels article is wrong.
        Assert.Equal($"articles/{Labels}", Assert.Single(report.Errors).File);
        Assert.Equal(60, report.Entries);
    }

    [Fact]
    public async Task Import_RenameOfAnEntryThatARefusedArticlesOnlineVersionLinksTo_IsRefused()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        // The milestones (which link to Ninja Tune) are refused: their last good version, link and all, stays online.
        harness.Edit("2020-10-impala-milestones.md", "\ntitle: ", "\ntitle: [unclosed ");
        Assert.Single((await harness.ImportAsync()).Errors);
        harness.Edit(Labels, "## Ninja Tune\n", "## Ninja Tunes\n");

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors, error => error.File == $"articles/{Labels}");
        Assert.Contains("articles/2020-10-impala-milestones.md (the version online while that file is refused) (/labels/ninja-tune)", error.Message);
        Assert.Contains("'- **Aliases:** ninja-tune'", error.Message);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
        Assert.Null(await harness.FindEntryAsync("labels", "ninja-tunes"));
    }

    [Fact]
    public async Task Import_RemovalRecordDroppedWhileALinkLeadsThere_StaysInForceWithAnErrorOnRemovedYml()
    {
        using var harness = new ImportHarness();
        var removed = Path.Combine(harness.ContentPath, "removed.yml");
        // The milestones link to /associations/runda: RUNDA deleted and recorded, the link leads to its 410 page.
        var text = File.ReadAllText(harness.ArticlePath("2020-11-national-associations.md"));
        var start = text.IndexOf("## RUNDA\n", StringComparison.Ordinal);
        File.WriteAllText(harness.ArticlePath("2020-11-national-associations.md"), text[..start] + text[text.IndexOf("\n## ", start + 3, StringComparison.Ordinal)..].TrimStart('\n'));
        File.WriteAllText(removed, "removed:\n  - path: /associations/runda\n    reason: It merged.\n");
        Assert.DoesNotContain((await harness.ImportAsync()).Errors, error => error.File == "removed.yml");

        File.WriteAllText(removed, "removed: []\n");
        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal("removed.yml", error.File);
        Assert.StartsWith("The record of /associations/runda is no longer in this file, but links on the site still lead there", error.Message);
        Assert.Contains("- path: /associations/runda", error.Message);
        await using var db = harness.CreateDbContext();
        var gone = await db.FormerAddresses.SingleAsync(former => former.Path == "/associations/runda", TestContext.Current.CancellationToken);
        Assert.Equal("It merged.", gone.Reason);

        // With the link taken out, the record may go.
        harness.Edit("2020-10-impala-milestones.md", "[RUNDA](/associations/runda)", "RUNDA");
        Assert.Empty((await harness.ImportAsync()).Errors);
        Assert.False(await db.FormerAddresses.AnyAsync(former => former.Path == "/associations/runda", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_DraftWithABrokenLink_IsReportedBeforePublicationDay()
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "kind: labels", "kind: labels\ndraft: true");
        harness.Edit(Labels, "Music Declares Emergency initiative.", "Music Declares Emergency initiative. See [Loppen](/venues/lopen).");
        harness.Edit("2020-10-impala-milestones.md", "[Ninja Tune](/labels/ninja-tune)", "Ninja Tune");
        harness.Edit("2020-11-national-associations.md", "[Crunchy Frog](/labels/crunchy-frog)", "Crunchy Frog");

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal($"articles/{Labels}", error.File);
        Assert.StartsWith("Not yet published, but will be refused on its day:", error.Message);
        Assert.Contains("/venues/lopen", error.Message);
    }

    [Fact]
    public async Task Import_LinkIntoADraft_SaysTheEntryIsNotPublishedYet()
    {
        using var harness = new ImportHarness();
        harness.Edit(Venues, "[PLATFORMA](/associations/platforma)", "PLATFORMA");
        harness.Edit(Venues, "kind: venues", "kind: venues\ndraft: true");
        harness.Edit(Labels, "Music Declares Emergency initiative.", "Music Declares Emergency initiative. See [Loppen](/venues/loppen).");

        var report = await harness.ImportAsync();

        Assert.Contains("not published yet", Assert.Single(report.Errors).Message);
    }

    [Fact]
    public async Task Import_SameEntryAddressInTwoArticles_RefusesTheLaterFile()
    {
        using var harness = new ImportHarness();
        harness.WriteArticle("2021-04-more-labels.md", ArticleText.With(ArticleText.NinjaTune));

        var report = await harness.ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal("articles/2021-04-more-labels.md", error.File);
        Assert.Contains("/labels/ninja-tune", error.Message);
        Assert.Contains(Labels, error.Message);
    }

    [Fact]
    public async Task Import_RenamedEntryWithItsFormerSlugAsAlias_KeepsTheOldAddress()
    {
        using var harness = new ImportHarness();
        harness.Edit(Labels, "## Ninja Tune\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n");
        harness.Edit(Labels, "- **Aliases:** ninja-tune\n\n", "- **Aliases:** ninja-tune\n");

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        var entry = await harness.FindEntryAsync("labels", "ninja-tune-records");
        Assert.Equal(["ninja-tune"], entry!.Aliases.Select(alias => alias.Slug));
    }

    [Fact]
    public async Task Import_NewKindDeclaredInKindsFile_ImportsItsArticleWithoutCodeChanges()
    {
        using var harness = new ImportHarness();
        File.AppendAllText(Path.Combine(harness.ContentPath, "kinds.yml"), "\n" + KindsText.ManagersKind + "\n");
        harness.WriteArticle("2021-05-managers.md", """
            ---
            title: Managers
            kind: managers
            published: 2021-05-01
            summary: Managers.
            ---

            ## Jane Doe Management

            - **Country:** Ireland
            - **Founded:** 2005

            Looks after artists in Dublin.
            """);

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(81, report.Entries);
        var entry = await harness.FindEntryAsync("managers", "jane-doe-management");
        Assert.Equal(2005, entry!.Year);
        Assert.Equal(["ireland"], entry.Countries.Select(country => country.CountrySlug));
    }

    [Fact]
    public async Task Import_BrokenKindsFile_KeepsServingEverything()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        File.WriteAllText(Path.Combine(harness.ContentPath, "kinds.yml"), "kinds: [broken");

        var report = await harness.ImportAsync();

        Assert.Equal("kinds.yml", Assert.Single(report.Errors).File);
        Assert.Equal(80, report.Entries);
    }

    /// <summary>
    /// A kind renamed in kinds.yml alone (found by replay 6): the labels article is refused for its kind, and its last
    /// good version stays online; the articles that link into it are not refused for links that still lead somewhere,
    /// and their edits are taken.
    /// </summary>
    [Fact]
    public async Task Import_KindRenamedInTheKindsFileOnly_RefusesItsArticle_NotTheArticlesThatLinkIntoIt()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        var kinds = Path.Combine(harness.ContentPath, "kinds.yml");
        File.WriteAllText(kinds, File.ReadAllText(kinds).Replace("  - key: labels", "  - key: records", StringComparison.Ordinal));
        harness.Edit("2020-10-impala-milestones.md", "[Ninja Tune](/labels/ninja-tune)", "[Ninja Tune](/labels/ninja-tune), edited");

        var report = await harness.ImportAsync();

        Assert.Equal($"articles/{Labels}", Assert.Single(report.Errors).File);
        Assert.Equal(80, report.Entries);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ninja-tune"));
        await using var db = harness.CreateDbContext();
        var milestones = await db.Articles.SingleAsync(article => article.SourceFile == "articles/2020-10-impala-milestones.md", TestContext.Current.CancellationToken);
        Assert.Contains("edited", milestones.IntroHtml + string.Concat(await db.Entries.Where(entry => entry.ArticleId == milestones.Id).Select(entry => entry.BodyHtml).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Import_StoresTypedFactsForPeopleToRead()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();

        var runda = await harness.FindEntryAsync("associations", "runda");
        Assert.Equal(8, runda!.Countries.Count);
        Assert.Equal(2018, runda.Year);
        var vut = await harness.FindEntryAsync("associations", "vut");
        Assert.Equal(["1200"], vut!.Facts.Single(fact => fact.Key == "Members").Values);
        var rockefeller = await harness.FindEntryAsync("venues", "rockefeller");
        Assert.Equal(["1600-2000"], rockefeller!.Facts.Single(fact => fact.Key == "Capacity").Values);
        Assert.StartsWith("Oslo, ", rockefeller.Caption);
    }

    [Theory]
    [InlineData("coldcut", "ninja-tune")]
    [InlineData("Müller", "ecm")]
    [InlineData("muller", "ecm")]
    [InlineData("Rynkowski", "mtj")]
    public async Task SearchIndex_FindsEntriesByNameFactsAndProse(string query, string slug)
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        await using var db = harness.CreateDbContext();

        var found = await harness.Search(db).SearchAsync(query, 10, TestContext.Current.CancellationToken);

        Assert.Contains(slug, found.Results.Select(result => result.Entry?.Slug));
    }

    [Fact]
    public async Task SearchIndex_QueryWithSearchSyntax_IsTreatedAsWords()
    {
        using var harness = new ImportHarness();
        await harness.ImportAsync();
        await using var db = harness.CreateDbContext();

        foreach (var query in new[] { "\"", "NEAR(", "* OR *", "labels:", "'); DROP TABLE Entries; --" })
        {
            await harness.Search(db).SearchAsync(query, 10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(80, await db.Entries.CountAsync(TestContext.Current.CancellationToken));
    }
}
