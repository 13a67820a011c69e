using Impala.Discovery.Tests.Content.Addresses;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// What long runs of the instance agreement fuzzer found (<see cref="InstanceAgreementTests"/>, wider edits, replays 10
/// to 13), each as the fewest commits that make a running store and a new store built from the same commit serve
/// different things.
/// </summary>
public sealed class InstanceAgreementFindingsTests
{
    private const string Labels = "2021-03-record-labels.md";
    private const string Milestones = "2020-10-impala-milestones.md";
    private const string Venues = "2021-02-music-venues.md";
    private const string Associations = "2020-11-national-associations.md";
    private const string RenamedAssociations = "2020-11-national-associations-renamed.md";
    private const string RenamedAssociations1 = "2020-11-national-associations-renamed-1.md";
    private static readonly DateTimeOffset Published = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // C (seed 70104): the milestones (which link to /labels/ninja-tune) refused for a missing required Year; the labels
    // dated 2030, refused because the associations' intro links to /labels/crunchy-frog (their last good version stays
    // online); then the associations refused in turn, for deleting PLATFORMA, which the venues link to. A running store
    // keeps serving the labels' last good version (20 labels, their artists, /series/record-labels). A new store built
    // from the same commit, its checkout a moment old, held the associations as a file perhaps still being written
    // rather than refusing them, and counted no link into the labels (the milestones refused, the associations held):
    // it took the labels as dated later and served none of them, until one more import 2 seconds later. A running store
    // that imports the last commit within 2 seconds of the pull does the same.
    [Fact]
    public async Task AnArticleDatedLaterThatOthersLinkTo_KeepsItsLastGoodVersion_WhileTheArticleLinkingToItIsHeldAsJustWritten()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Milestones, "## Universal forced to divest EMI assets\n\n- **Year:** 2012\n", "## Universal forced to divest EMI assets\n"),
            repository => Edit(repository, Labels, "\npublished: 2021-03-01\n", "\npublished: 2030-03-01\n"),
            repository => DeleteSection(repository, Associations, "PLATFORMA"));

        await AssertServedAlikeAsync(stores);
    }

    // E (seed 70206): `git mv` of the associations to a new name, no 'aliases:' (the running store takes it: the same
    // article under its new address); then, in the renamed file, 'PMI' renamed with no Aliases line while the article's
    // own intro links to /associations/pmi (refused: the version from the git mv stays online); then the milestones
    // refused (an unknown fact). A running store serves the 20 associations of /series/national-associations-renamed, PMI
    // among them, and nothing at the old address. A new store built from the same commit took the rename for the deletion
    // of the old file name, one that took out /associations/pmi while another file (the renamed one) linked there: it
    // brought the old name back as an article of its own (/series/national-associations, with PMI), refused that file,
    // which is no longer there, and with the link answered, served the renamed file's refused version ('PMI Renamed').
    [Fact]
    public async Task AnArticleRenamedWithGitMv_ThenRefused_KeepsItsVersionUnderItsNewNameOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => MoveFile(repository, Associations, RenamedAssociations),
            repository => Edit(repository, RenamedAssociations, "\n## PMI\n", "\n## PMI Renamed\n"),
            repository => Edit(repository, Milestones, "## EMI and Warner merger stopped\n\n", "## EMI and Warner merger stopped\n\n- **Colour:** red\n"));

        await AssertServedAlikeAsync(stores);
    }

    // F (seed 70207): the associations refused for deleting PLATFORMA, which the venues link to (their last good version,
    // PLATFORMA with it, stays online); then `git mv` of the refused file to a new name, its old address in 'aliases:'.
    // The renamed file is the same article, still without PLATFORMA: refused, its last good version (under the old name)
    // stays online. A new store built from the same commit serves so: the 20 associations of /series/national-associations.
    // A running store kept /series/national-associations and PLATFORMA but served none of the 19 other associations: the
    // last good version of the old file name gave them up to the renamed file (the history dates both alike, and the new
    // name sorts first), which was refused itself (its 'aliases:' names the address the old name's version holds).
    [Fact]
    public async Task ARefusedArticleRenamedWithGitMvAndItsOldAddressInAliases_KeepsItsLastGoodVersionWholeOnALiveStoreAsOnANewOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => DeleteSection(repository, Associations, "PLATFORMA"),
            repository =>
            {
                MoveFile(repository, Associations, RenamedAssociations);
                Edit(repository, RenamedAssociations, "\nkind: ", "\naliases: [national-associations]\nkind: ");
            });

        await AssertServedAlikeAsync(stores);
    }

    // F6 (replay 10): the milestones link to /labels/ninja-tune. Ninja Tune renamed with its old name in an Aliases line
    // (the link still leads to it), the milestones refused (their last good version, which has the link, stays online),
    // then the renamed entry deleted with its new address recorded. A running store took the deletion, as no article it
    // checked linked there; a new store built from the same commit served the deleted entry, its redirect from
    // /labels/ninja-tune and its artists. Then the milestones mended. Both must serve the same.
    [Fact]
    public async Task AnEntryARefusedArticleLinksToThroughItsAliasesLine_Deleted_IsServedAlikeOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Labels, "## Ninja Tune\n\n", "## Ninja Tune Renamed\n\n- **Aliases:** ninja-tune\n"),
            repository => Edit(repository, Milestones, "\ntitle: ", "\ntitle: [unclosed "),
            repository =>
            {
                DeleteSection(repository, Labels, "Ninja Tune Renamed");
                File.WriteAllText(Path.Combine(repository.Content, "removed.yml"),
                    "removed:\n  - path: /labels/ninja-tune-renamed\n    reason: The label closed.\n");
            },
            repository => Edit(repository, Milestones, "\ntitle: [unclosed ", "\ntitle: "));

        await AssertServedAlikeAsync(stores);
    }

    // G (replay 12, seed 70207): the milestones dated 2030 (taken: nothing links into them; they leave the site); one
    // milestone moved out of them into a new article, published; the milestones, still dated 2030, refused (a required
    // Year deleted); then the moved milestone given a Slug line, which takes its old address away. A running store served
    // nothing at /milestones/universal-forced-to-divest-emi-assets; a new store built from the same commit served it from
    // the milestones.
    [Fact]
    public async Task AnEntryMovedOutOfAnArticleDatedLater_ThenGivenAnotherAddress_IsServedAlikeOnANewStoreAsOnALiveOne()
    {
        const string More = "2023-06-more-milestones.md";
        const string Universal = "## Universal forced to divest EMI assets\n";
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Milestones, "\npublished: 2020-10-01\n", "\npublished: 2030-10-01\n"),
            repository =>
            {
                var path = Path.Combine(repository.Content, "articles", Milestones);
                var text = File.ReadAllText(path);
                var start = text.IndexOf(Universal, StringComparison.Ordinal);
                var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal) + 1;
                File.WriteAllText(path, text[..start] + text[end..]);
                File.WriteAllText(Path.Combine(repository.Content, "articles", More), "---\ntitle: More milestones\nkind: milestones\n"
                    + "published: 2023-06-01\nsummary: An article an editor added.\n---\n\nA few more.\n\n" + text[start..end].TrimEnd('\n') + "\n");
            },
            repository => Edit(repository, Milestones, "## Apple discrimination attempt thwarted\n\n- **Year:** 2015\n", "## Apple discrimination attempt thwarted\n"),
            repository => Edit(repository, More, Universal, Universal + "\n- **Slug:** custom-14\n"));

        await AssertServedAlikeAsync(stores);
    }

    // Seed 80000 (also 80007, 80009, 80017): SOM given a former name in an Aliases line; the venues' intro links to that
    // former name; the venues refused (their last good version, link and all, stays online); then SOM deleted. A running
    // store refused the deletion, as the venues' online version links there (see the F6 test above), and kept SOM and its
    // redirect; a new store built from the same commit counted only the links of the articles it could read, took the
    // deletion, and served neither.
    [Fact]
    public async Task AnEntryLinkedOnlyFromARefusedArticlesOnlineVersion_Deleted_IsServedAlikeOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Associations, "## SOM\n\n", "## SOM\n\n- **Aliases:** formerly-som\n"),
            repository => Edit(repository, Venues, "\n---\n\n", "\n---\n\nSee also [SOM](/associations/formerly-som).\n\n"),
            repository => Edit(repository, Venues, "\ntitle: ", "\ntitle: [unclosed "),
            repository => DeleteSection(repository, Associations, "SOM"));
        Assert.NotNull(await stores.Live.FindEntryAsync("associations", "som"));

        await AssertServedAlikeAsync(stores);
    }

    // H (replay 13, seed 80011): the labels' intro links to /series/music-venues; `git mv` of the venues to a new name, no
    // 'aliases:' (refused: the labels link to the old address, and the old name's version stays online); then the labels
    // made a draft (refused: other articles link to their entries; their last good version, with its link, stays online).
    // A running store serves /series/music-venues from the old name's version, as the labels' version online still links
    // there. A new store built from the same commit serves nothing there: it finds the labels' last good version in the
    // history, but looked for addresses taken out only among the links of the articles it takes, not of that version.
    // The running store is right: the change is refused while a version online links to what it takes out.
    [Fact]
    public async Task AnArticleRenamedWithGitMv_WhileTheLastGoodVersionOfADraftLinksToItsOldAddress_KeepsItOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => LinkInIntro(repository, Labels, "/series/music-venues"),
            repository => MoveFile(repository, Venues, "2021-02-music-venues-renamed-14.md"),
            repository => Edit(repository, Labels, "\nkind: ", "\ndraft: true\nkind: "));

        await AssertServedAlikeAsync(stores);
    }

    // I (replay 13, seed 80016): a newcomer (2019-03) with /series/music-venues in its 'aliases:' (refused: the venues
    // published it first); the venues refused (an unknown fact; their last good version stays online); then `git mv` of
    // the venues to 2021-07-music-venues.md, still refused. A new store built from the same commit finds the renamed
    // file's last good version in the history (its versions under the old name): it serves the 20 venues and
    // /series/music-venues, and refuses the newcomer. A running store took the old name's deletion, then passed over that
    // same version for the renamed file, as the old name's version it was taking off in that very import still held its
    // addresses: it served none of the venues, and took the newcomer, /series/music-venues a redirect to it (with one
    // more edit it finds the version and refuses the newcomer, which then stays online as its last good version). The new
    // store is right: the renamed file is the same article, refused, and keeps its last good version.
    [Fact]
    public async Task ARefusedArticleRenamedWithGitMv_KeepsItsLastGoodVersionOnALiveStoreAsOnANewOne_AgainstANewcomerClaimingItsAddress()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => File.WriteAllText(Path.Combine(repository.Content, "articles", "2019-03-newcomers-3.md"),
                "---\ntitle: Newcomers 3\nkind: venues\naliases: [music-venues]\npublished: 2019-03-01\nsummary: An article an editor added.\n---\n\n"
                + "A few more.\n\n## Newcomer 3\n\n- **Country:** France\n- **City:** Lyon\n\nWhat an editor wrote about Newcomer 3.\n"),
            repository => Edit(repository, Venues, "## Berghain\n\n", "## Berghain\n\n- **Colour:** red\n"),
            repository => MoveFile(repository, Venues, "2021-07-music-venues.md"));

        await AssertServedAlikeAsync(stores);
    }

    // Seed 81019: the associations renamed with `git mv` (taken: the same article under its new name), renamed again,
    // then refused (a required fact deleted). A running store serves the version from the second rename, under the
    // second name. A new store built from the same commit brought the first name's version back beside it, at the old
    // address: it saw that the first rename took out addresses other articles link to, before it had found the refused
    // file's own last good version, which answers them.
    [Fact]
    public async Task AnArticleRenamedTwiceWithGitMv_ThenRefused_KeepsItsVersionUnderItsLastNameOnANewStoreAsOnALiveOne()
    {
        const string Renamed = "2022-06-national-associations.md";
        const string RenamedAgain = "2022-06-national-associations-renamed.md";
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => MoveFile(repository, Associations, Renamed),
            repository => MoveFile(repository, Renamed, RenamedAgain),
            repository => Edit(repository, RenamedAgain, "- **Territories:** Denmark\n", ""));

        await AssertServedAlikeAsync(stores);
    }

    // J (replay 13, seed 80009, its edits 8, 11 and 15 without the first, a `git mv` of the milestones, which changes
    // nothing): the milestones (which link to /labels/ninja-tune) refused (an unknown fact; their last good version stays
    // online, its link with it); then Ninja Tune deleted, with no removal record. A running store refuses the labels, as
    // the milestones' version online links to Ninja Tune: it serves /labels/ninja-tune and its three artists. A new store
    // built from the same commit finds the milestones' last good version in the history, but took the deletion and
    // serves none of them: it looked for addresses taken out only among the links of the articles it takes, not of that
    // version. The running store is right: the change is refused while a version online links to what it takes out.
    [Fact]
    public async Task AnEntryTheLastGoodVersionOfARefusedArticleLinksTo_Deleted_IsKeptOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => Edit(repository, Milestones, "## EMI and Warner merger stopped\n\n", "## EMI and Warner merger stopped\n\n- **Colour:** red\n"),
            repository => DeleteSection(repository, Labels, "Ninja Tune"));

        await AssertServedAlikeAsync(stores);
    }

    // K (replay 13, seed 80018; as I, with an entry's name for the article address): kinds.yml makes the associations'
    // Members required (the associations refused, their last good version online); a newcomer (2019-01) that reuses the
    // name 'Answering the climate emergency' (refused: the milestones published it first); the milestones refused (a
    // required Year deleted); then `git mv` of the milestones to a new name, 'aliases:' given the old address, still
    // refused. A new store built from the same commit finds the renamed file's last good version in the history (its
    // versions under the old name): it serves the 20 milestones and /series/impala-milestones, and refuses the newcomer.
    // A running store took the old name's deletion and served none of the milestones, nor the article; it took the
    // newcomer, which serves /milestones/answering-the-climate-emergency. The new store is right: the renamed file is
    // the same article, refused, and keeps its last good version.
    [Fact]
    public async Task ARefusedArticleRenamedWithGitMv_KeepsItsLastGoodVersionOnALiveStoreAsOnANewOne_AgainstANewcomerReusingAnEntrysName()
    {
        const string RenamedMilestones = "2020-10-impala-milestones-renamed-14.md";
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository =>
            {
                var kinds = Path.Combine(repository.Content, "kinds.yml");
                File.WriteAllText(kinds, File.ReadAllText(kinds).Replace("{ key: Members, type: number }", "{ key: Members, type: number, required: true }", StringComparison.Ordinal));
            },
            repository => File.WriteAllText(Path.Combine(repository.Content, "articles", "2019-01-newcomers-8.md"),
                "---\ntitle: Newcomers 8\nkind: milestones\npublished: 2019-01-01\nsummary: An article an editor added.\n---\n\nA few more.\n\n"
                + "## Answering the climate emergency\n\n- **Year:** 2010\n\nWhat an editor wrote about Answering the climate emergency.\n\n"
                + "## Newcomer 8\n\n- **Year:** 2010\n\nWhat an editor wrote about Newcomer 8.\n"),
            repository => Edit(repository, Milestones, "## World's first merger remedy package\n\n- **Year:** 2007\n", "## World's first merger remedy package\n"),
            repository =>
            {
                MoveFile(repository, Milestones, RenamedMilestones);
                Edit(repository, RenamedMilestones, "\nkind: ", "\naliases: [impala-milestones]\nkind: ");
            });

        await AssertServedAlikeAsync(stores);
    }

    // L (seeds 82009 and 82012): RUNDA deleted from the associations, its removal recorded (the milestones' link to
    // /associations/runda leads to its 410 page); an entry added to the associations; then the record dropped from
    // removed.yml while nothing else answers the address. A running store took the dropped record: RUNDA answered 404,
    // and the milestones were refused for a link that led nowhere. A new store built from the same commit found the
    // associations' version that took RUNDA out while the milestones linked there, and served that one instead: RUNDA
    // again, without the added entry. A record stays in force until a page answers its address again, on both.
    [Fact]
    public async Task ARemovalRecordDroppedWhileNothingAnswersItsAddress_StaysInForceOnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => DeleteRecorded(repository, Associations, "RUNDA", "/associations/runda", "It merged."),
            AddAnAssociation,
            repository => File.WriteAllText(Path.Combine(repository.Content, "removed.yml"), "removed: []\n"));

        await AssertServedAlikeAsync(stores);
        var served = (await ServedSnapshot.ReadAsync(stores.Live)).Served;
        Assert.Equal("410 (It merged.)", served.GetValueOrDefault("/associations/runda"));
        Assert.StartsWith("'Added' of /series/national-associations", served.GetValueOrDefault("/associations/added"), StringComparison.Ordinal);
    }

    // M (seed 82009): as L, with removed.yml deleted, then written again with another record. The history of removed.yml
    // was read from where the file began: the record of /associations/platforma (which the venues link to), written
    // before the file was deleted, no longer counted, and both stores dropped it when the file came back.
    [Fact]
    public async Task ARemovalRecordLostWithRemovedYmlDeletedAndWrittenAgain_StaysInForceWhileALinkLeadsThere()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository => DeleteRecorded(repository, Associations, "PLATFORMA", "/associations/platforma", "It closed."),
            AddAnAssociation,
            repository => File.Delete(Path.Combine(repository.Content, "removed.yml")),
            repository => File.WriteAllText(Path.Combine(repository.Content, "removed.yml"), "removed:\n  - path: /labels/closed-long-ago\n    reason: It closed.\n"));

        await AssertServedAlikeAsync(stores);
        foreach (var (harness, _) in stores.Both)
        {
            Assert.Equal("410 (It closed.)", (await ServedSnapshot.ReadAsync(harness)).Served.GetValueOrDefault("/associations/platforma"));
        }
    }

    // Seed 82016 (its widened edits 11, 13 and 15, the first two here in one commit): the venues dated 2030 (taken: nothing
    // links to them; they leave the site) and a newcomer, 2019-06-music-venues.md, whose file name gives it the venues'
    // article address (taken: nothing else claims /series/music-venues now); then the venues dated back as they were. The
    // venues published /series/music-venues first (in the first commit; the newcomer only since its own), so they keep
    // it: a new store built from the same commit serves the venues, their 20 entries and /series/music-venues, and
    // refuses the newcomer, naming the venues (its version in the history, its own address taken by the article that
    // published it first, is no last good version). A running store refused the newcomer for the same reason, but kept
    // its version online, own address and all (a last good version never gives up its own address), and so refused the
    // venues too, naming that version; then wrote the venues' last good version from the history over the address that
    // version held, which the database refused (a message that tells the editor it is a bug of the site), and with the
    // venues out of the way took the newcomer: it serves the newcomer at /series/music-venues and none of the 20 venues.
    [Fact]
    public async Task AnArticleDatedLaterThenBack_GetsItsAddressBackFromANewcomerThatTookItMeanwhile_OnALiveStoreAsOnANewOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository =>
            {
                Edit(repository, Venues, "\npublished: 2021-02-01\n", "\npublished: 2030-02-01\n");
                File.WriteAllText(Path.Combine(repository.Content, "articles", "2019-06-music-venues.md"),
                    "---\ntitle: Newcomers 13\nkind: venues\npublished: 2019-06-01\nsummary: An article an editor added.\n---\n\n"
                    + "A few more.\n\n## Newcomer 13\n\n- **Country:** France\n- **City:** Lyon\n\nWhat an editor wrote about Newcomer 13.\n");
            },
            repository => Edit(repository, Venues, "\npublished: 2030-02-01\n", "\npublished: 2021-02-01\n"));

        await AssertServedAlikeAsync(stores);
    }

    // Seed 84018 (wider edits, 20 shrunk to 4 commits): `git mv` of the associations to a new name, the old address in
    // 'aliases:' (the same article, at /series/national-associations-renamed-1, the old address a 301 to it); the old
    // file name written again with the first commit's text (a newcomer on the renamed article's addresses: refused on
    // both stores); the renamed file made a draft (nothing online lost: the old file name's article, no longer refused,
    // serves /series/national-associations and the 20 associations in the same import; a new store built from this
    // commit serves the same); then, in one commit, 'PMI' moved from the old file name into the draft (which then holds
    // PMI twice and is refused, a draft with no version online) and the milestones refused (an unknown fact).
    // A running store serves the old file name's article at /series/national-associations, 19 associations, and answers
    // 410 at /associations/pmi (the old file's own link there is only a warning while the draft is refused). A new store
    // built from the same commit, with a file refused, looked for an address a link leads to that the history took out
    // where another article linked there: the renamed file held /associations/pmi until it was made a draft, while the old
    // file name linked there (and served it). Taking that for a change a running site refused, it brought the renamed
    // file's version from the `git mv` back as its last good version, with PMI, at /series/national-associations-renamed-1
    // and a 301 from /series/national-associations, and refused the old file name as a newcomer on its addresses.
    [Fact]
    public async Task AnArticleRenamedWithGitMvThenADraft_LeavesItsOldNameTheAddress_OnANewStoreAsOnALiveOne()
    {
        using var stores = await LiveAndNewStore.AfterAsync(Published,
            repository =>
            {
                MoveFile(repository, Associations, RenamedAssociations1);
                Edit(repository, RenamedAssociations1, "\nkind: ", "\naliases: [national-associations]\nkind: ");
            },
            repository => File.WriteAllText(Path.Combine(repository.Content, "articles", Associations), FrozenContent.ArticleText(Associations)),
            repository => Edit(repository, RenamedAssociations1, "\nkind: ", "\ndraft: true\nkind: "),
            repository =>
            {
                MoveSection(repository, Associations, "PMI", RenamedAssociations1);
                Edit(repository, Milestones, "## EMI and Warner merger stopped\n\n", "## EMI and Warner merger stopped\n\n- **Colour:** red\n");
            });

        await AssertServedAlikeAsync(stores);
    }

    /// <summary>Both stores import what they have, then serve the same, address by address, as the fuzzer compares them.</summary>
    private static async Task AssertServedAlikeAsync(LiveAndNewStore stores)
    {
        foreach (var (harness, _) in stores.Both)
        {
            if (harness == stores.Fresh)
            {
                // As the fuzzer's new store: built on a checkout made a moment ago (every file just written).
                foreach (var file in Directory.EnumerateFiles(Path.Combine(harness.ContentPath, "articles")))
                {
                    File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
                }
            }

            // As the fuzzer does: the imports that follow at once while the history is still being searched.
            var report = await harness.ImportAsync();
            for (var more = 0; more < 20 && report.NotLookedUpInHistory > 0; more++)
            {
                report = await harness.ImportAsync();
            }
        }

        var differences = ServedSnapshot.Differences(await ServedSnapshot.ReadAsync(stores.Live), "the live store",
            await ServedSnapshot.ReadAsync(stores.Fresh), "a new store");
        Assert.True(differences.Count == 0, $"{differences.Count} addresses served differently:\n{string.Join("\n", differences)}");
    }

    private static void Edit(TestRepository repository, string file, string find, string replace)
    {
        var path = Path.Combine(repository.Content, "articles", file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>The entry's section taken out and its address recorded in removed.yml (the file written anew).</summary>
    private static void DeleteRecorded(TestRepository repository, string file, string heading, string path, string reason)
    {
        DeleteSection(repository, file, heading);
        File.WriteAllText(Path.Combine(repository.Content, "removed.yml"), $"removed:\n  - path: {path}\n    reason: {reason}\n");
    }

    /// <summary>An entry 'Added' put before VTMÖ: the associations' versions before and after it differ.</summary>
    private static void AddAnAssociation(TestRepository repository) => Edit(repository, Associations, "\n## VTMÖ\n",
        "\n## Added\n\n- **Full name:** An association of independents\n- **Territories:** Spain\n\nWhat an editor wrote.\n\n## VTMÖ\n");

    /// <summary>A link added at the top of the article's intro, as the fuzzer's editor adds one.</summary>
    private static void LinkInIntro(TestRepository repository, string file, string address)
    {
        var path = Path.Combine(repository.Content, "articles", file);
        var text = File.ReadAllText(path);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        File.WriteAllText(path, text[..end] + $"\nSee also [this]({address}).\n" + text[end..]);
    }

    /// <summary>An article file renamed: the commit stages every change (git add -A), so git records a rename, as `git mv` does.</summary>
    private static void MoveFile(TestRepository repository, string file, string renamed) =>
        File.Move(Path.Combine(repository.Content, "articles", file), Path.Combine(repository.Content, "articles", renamed));

    /// <summary>The entry's section taken out, from its heading to the next one.</summary>
    private static void DeleteSection(TestRepository repository, string file, string heading)
    {
        var path = Path.Combine(repository.Content, "articles", file);
        var text = File.ReadAllText(path);
        var start = text.IndexOf($"## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in {file}");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + (end < 0 ? "" : text[(end + 1)..]));
    }

    /// <summary>The entry's section taken out, from its heading to the next one, and put at the end of another article.</summary>
    private static void MoveSection(TestRepository repository, string file, string heading, string into)
    {
        var path = Path.Combine(repository.Content, "articles", file);
        var text = File.ReadAllText(path);
        var start = text.IndexOf($"## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in {file}");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = (end < 0 ? text[start..] : text[start..(end + 1)]).TrimEnd('\n') + "\n";
        File.WriteAllText(path, text[..start] + (end < 0 ? "" : text[(end + 1)..]));
        var target = Path.Combine(repository.Content, "articles", into);
        File.WriteAllText(target, File.ReadAllText(target).TrimEnd('\n') + "\n\n" + section);
    }
}
