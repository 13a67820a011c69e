using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content;

/// <summary>The rules of "what an import changes", on values: no files, no database.</summary>
public sealed class ImportPlannerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly KindCatalog Kinds = KindCatalogParser.Parse(ContentFolder.KindsFileName, KindsText.OnlyManagers).Value!;

    [Fact]
    public void Plan_NewFile_IsWritten()
    {
        var plan = Plan([Parsed("2021-04-a.md", "Alpha")], stored: []);

        Assert.Equal(["articles/2021-04-a.md"], plan.Write.Select(file => file.File));
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void Plan_UnchangedFile_IsNeitherWrittenNorRemoved()
    {
        var file = Parsed("2021-04-a.md", "Alpha");

        var plan = Plan([file], stored: [Stored(file)]);

        Assert.Empty(plan.Write);
        Assert.Empty(plan.Remove);
    }

    [Fact]
    public void Plan_ChangedFile_IsRemovedAndWrittenAgain()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alphabet");

        var plan = Plan([after], stored: [Stored(before)]);

        Assert.Equal([after.File], plan.Write.Select(file => file.File));
        Assert.Equal([after.File], plan.Remove);
    }

    [Fact]
    public void Plan_RefusedFile_KeepsItsStoredVersion()
    {
        var good = Parsed("2021-04-a.md", "Alpha");
        var broken = new ParsedFile(good.File, "other fingerprint", null, [new ContentError(good.File, 3, 1, "broken")]);

        var plan = Plan([broken], stored: [Stored(good)]);

        Assert.Empty(plan.Write);
        Assert.Empty(plan.Remove);
        Assert.Equal("broken", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void Plan_UnreadableFile_KeepsItsStoredVersion()
    {
        var good = Parsed("2021-04-a.md", "Alpha");

        var plan = Plan([], stored: [Stored(good)], unreadable: [new ContentError(good.File, 1, 1, "not UTF-8")]);

        Assert.Empty(plan.Remove);
        Assert.Equal("not UTF-8", Assert.Single(plan.Errors).Message);
    }

    [Fact]
    public void Plan_DeletedFile_IsRemoved()
    {
        var plan = Plan([], stored: [Stored(Parsed("2021-04-a.md", "Alpha"))]);

        Assert.Equal(["articles/2021-04-a.md"], plan.Remove);
    }

    [Fact]
    public void Plan_EntryRenamedInItsArticle_RedirectsItsOldAddressAndTellsTheEditor()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alpha Prime");

        var plan = Plan([after], stored: [Stored(before)]);

        var change = Assert.Single(plan.AddressChanges);
        Assert.Equal(("/managers/alpha", "/managers/alpha-prime"), (change.Path, change.MovedTo));
        var notice = Assert.Single(plan.Warnings);
        Assert.Equal((after.File, 8), (notice.File, notice.Line));
        Assert.StartsWith("Renamed: /managers/alpha → /managers/alpha-prime; the old address redirects on this site only for now. "
            + "Add '- **Aliases:** alpha'", notice.Message);
    }

    [Fact]
    public void Plan_EntryRenamedWithItsOldAddressAsAlias_ChangesNoAddress()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alpha Prime", facts: "- **Aliases:** alpha");

        var plan = Plan([after], stored: [Stored(before)]);

        Assert.Empty(plan.AddressChanges);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Plan_EntryRenamedWithoutAnAliasWhileLinked_RefusesTheRenamingFileNotTheLinkingOne()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alpha Prime");
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");

        var plan = Plan([after, linking], stored: [Stored(before)]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal(after.File, error.File);
        Assert.Contains("2021-05-b.md", error.Message);
        Assert.Contains("- **Aliases:** alpha", error.Message);
        Assert.Equal([linking.File], plan.Write.Select(file => file.File));
        Assert.DoesNotContain(after.File, plan.Remove);
        Assert.Equal(FileState.Refused, plan.Files.Single(file => file.File == after.File).State);
    }

    [Fact]
    public void Plan_EntryRenamedWithAnAliasWhileLinked_IsTakenAndTheLinkKeepsWorking()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alpha Prime", facts: "- **Aliases:** alpha");
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");

        var plan = Plan([after, linking], stored: [Stored(before)]);

        Assert.Empty(plan.Errors);
        Assert.Equal([after.File, linking.File], plan.Write.Select(file => file.File));
    }

    [Fact]
    public void Plan_LinkedFileDeleted_IsRefusedOnTheDeletedFileAndItsLastVersionStays()
    {
        var target = Parsed("2021-04-a.md", "Alpha");
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");

        var plan = Plan([linking], stored: [Stored(target), Stored(linking)]);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((target.File, 1), (error.File, error.Line));
        Assert.Contains("was deleted", error.Message);
        Assert.Empty(plan.Remove);
        Assert.True(plan.Files.Single(file => file.File == target.File) is { State: FileState.Refused, EarlierVersionOnline: true });
    }

    [Fact]
    public void Plan_LinkedFileDeletedWithRemovalRecords_IsTakenAndTheLinkIsAWarning()
    {
        var target = Parsed("2021-04-a.md", "Alpha");
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");
        RemovalRecord[] removals = [new("/managers/alpha", "Alpha closed.", 3), new("/series/a", "Alpha closed.", 5)];

        var plan = ImportPlanner.Plan(Kinds, [linking], [], new[] { Stored(target), Stored(linking) }.ToDictionary(article => article.File), Today, removals);

        Assert.Empty(plan.Errors);
        Assert.Equal([target.File], plan.Remove);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(linking.File, warning.File);
        Assert.Contains("taken off the site (removed.yml line 3: Alpha closed.)", warning.Message);
    }

    [Fact]
    public void Plan_LinkToAnAddressOnlyTheStoreRemembers_IsAnErrorAsOnANewSite()
    {
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");
        var target = Parsed("2021-04-a.md", "Alpha Prime");

        var plan = ImportPlanner.Plan(Kinds, [target, linking], [], new Dictionary<string, StoredArticle>(), Today);

        Assert.Contains(plan.Errors, error => error.File == linking.File && error.Message.Contains("/managers/alpha leads to no", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_DeletedFileWithoutRecords_IsGoneHereAndTheEditorIsToldHowToRecordIt()
    {
        var plan = Plan([], stored: [Stored(Parsed("2021-04-a.md", "Alpha"))]);

        Assert.Equal([("/managers/alpha", (string?)null), ("/series/a", null)], plan.AddressChanges.Select(change => (change.Path, change.MovedTo)));
        Assert.Equal(2, plan.Warnings.Count);
        Assert.All(plan.Warnings, warning => Assert.Contains("on this site only for now. Record it in content/removed.yml", warning.Message));
    }

    [Fact]
    public void Plan_DeletedFileWithRecords_IsGoneWithoutAWord()
    {
        RemovalRecord[] removals = [new("/managers/alpha", "Closed.", 2), new("/series/a", "Closed.", 4)];

        var plan = ImportPlanner.Plan(Kinds, [], [], new[] { Stored(Parsed("2021-04-a.md", "Alpha")) }.ToDictionary(article => article.File), Today, removals);

        Assert.Empty(plan.Warnings);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void Plan_EntryDeletedFromItsArticle_IsGone()
    {
        var before = Parsed("2021-04-a.md", "Alpha", more: "## Beta\n\n- **Country:** Belgium\n");
        var after = Parsed("2021-04-a.md", "Alpha");

        var plan = Plan([after], stored: [Stored(before)]);

        Assert.Equal([("/managers/beta", (string?)null)], plan.AddressChanges.Select(change => (change.Path, change.MovedTo)));
    }

    [Fact]
    public void Plan_ArticleFileRenamed_LeadsItsOldAddressToTheNewOne()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-renamed.md", "Alpha");

        var plan = Plan([after], stored: [Stored(before)]);

        Assert.Equal([("/series/a", (string?)"/series/renamed")], plan.AddressChanges.Select(change => (change.Path, change.MovedTo)));
    }

    [Fact]
    public void Plan_ArticleTurnedBackIntoADraft_IsNotGone()
    {
        var before = Parsed("2021-04-a.md", "Alpha");
        var after = Parsed("2021-04-a.md", "Alpha", published: "2027-01-01");

        var plan = Plan([after], stored: [Stored(before)]);

        Assert.Equal([before.File], plan.Remove);
        Assert.Empty(plan.AddressChanges);
    }

    [Fact]
    public void Plan_ArticleDatedAfterToday_IsNotWrittenAndSchedulesTheNextImport()
    {
        var plan = Plan([Parsed("2027-01-a.md", "Alpha", published: "2027-01-01")], stored: []);

        Assert.Empty(plan.Write);
        Assert.Equal(new DateOnly(2027, 1, 1), plan.NextScheduledPublication);
    }

    [Fact]
    public void Plan_TwoFilesClaimingOneAddress_RefusesTheSecondOnly()
    {
        var first = Parsed("2021-04-a.md", "Alpha");
        var second = Parsed("2021-05-b.md", "Alpha");

        var plan = Plan([first, second], stored: []);

        Assert.Equal([first.File], plan.Write.Select(file => file.File));
        Assert.Equal(second.File, Assert.Single(plan.Errors).File);
    }

    [Fact]
    public void Plan_LinkIntoAFileThatWasNeverReadable_IsAWarningNotARefusal()
    {
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");
        var unreadable = new ParsedFile("articles/2021-04-a.md", "x", null, [new ContentError("articles/2021-04-a.md", 2, 1, "broken")]);

        var plan = Plan([unreadable, linking], stored: []);

        Assert.Equal([linking.File], plan.Write.Select(file => file.File));
        Assert.Contains("articles/2021-04-a.md", Assert.Single(plan.Warnings).Message);
    }

    [Fact]
    public void Plan_LinkToNothingWhenEveryFileWasRead_RefusesTheArticle()
    {
        var linking = Parsed("2021-05-b.md", "Beta", prose: "See [Alpha](/managers/alpha).");

        var plan = Plan([linking], stored: []);

        Assert.Empty(plan.Write);
        Assert.Contains("/managers/alpha leads to no manager", Assert.Single(plan.Errors).Message);
    }

    private const string SecondEntry = "## Beta\n\n- **Country:** Belgium";

    [Fact]
    public void Plan_FileChangedAMomentAgoThatDropsAnEntry_KeepsItsLastVersionOnline_AndSaysWhy()
    {
        // scp and FTP write a file in place, piece by piece: the first piece alone parses as an article without its last entries.
        var whole = Parsed("2021-04-a.md", "Alpha", more: SecondEntry);
        var firstPiece = Parsed("2021-04-a.md", "Alpha");

        var plan = ImportPlanner.Plan(Kinds, [firstPiece], [], Stored([whole]), Today, beingWritten: new HashSet<string> { firstPiece.File });

        Assert.Empty(plan.Write);
        Assert.Empty(plan.Remove);
        Assert.Equal([firstPiece.File], plan.Held);
        Assert.Empty(plan.Errors);
        Assert.Contains("/managers/beta", Assert.Single(plan.Warnings).Message);
        var outcome = Assert.Single(plan.Files);
        Assert.Equal((FileState.Published, true), (outcome.State, outcome.EarlierVersionOnline));
    }

    [Fact]
    public void Plan_FileThatDropsAnEntry_IsTakenAsItIs_OnceItIsStill()
    {
        var whole = Parsed("2021-04-a.md", "Alpha", more: SecondEntry);
        var shorter = Parsed("2021-04-a.md", "Alpha");

        var plan = ImportPlanner.Plan(Kinds, [shorter], [], Stored([whole]), Today, beingWritten: new HashSet<string>());

        Assert.Equal([shorter.File], plan.Write.Select(file => file.File));
        Assert.Empty(plan.Held);
    }

    [Fact]
    public void Plan_FileChangedAMomentAgoThatAddsRenamesOrMovesEntries_IsTakenAtOnce()
    {
        // A rename brings a new address; an entry moved to another article in one checkout is not lost; a removal the
        // editor recorded is meant.
        var before = Parsed("2021-04-a.md", "Alpha", more: SecondEntry);
        var without = Parsed("2021-04-a.md", "Alpha");
        var other = Parsed("2021-05-b.md", "Beta");
        var grown = Parsed("2021-04-a.md", "Alpha", more: SecondEntry + "\n\n## Gamma\n\n- **Country:** Belgium");
        var renamed = Parsed("2021-04-a.md", "Alpha", more: "## Betamax\n\n- **Country:** Belgium");
        var all = new HashSet<string> { before.File, other.File };

        var moved = ImportPlanner.Plan(Kinds, [without, other], [], Stored([before]), Today, beingWritten: all);
        var added = ImportPlanner.Plan(Kinds, [grown], [], Stored([before]), Today, beingWritten: all);
        var rename = ImportPlanner.Plan(Kinds, [renamed], [], Stored([before]), Today, beingWritten: all);
        var recorded = ImportPlanner.Plan(Kinds, [without], [], Stored([before]), Today,
            [new Impala.Discovery.Web.Content.Addresses.RemovalRecord("/managers/beta", "Closed.", 2)], beingWritten: all);

        Assert.Equal([before.File, other.File], moved.Write.Select(file => file.File));
        Assert.All(new[] { added, rename, recorded }, plan => Assert.Equal([before.File], plan.Write.Select(file => file.File)));
        Assert.All(new[] { moved, added, rename, recorded }, plan => Assert.Empty(plan.Held));
    }

    private static Dictionary<string, StoredArticle> Stored(IEnumerable<ParsedFile> files) =>
        files.Select(Stored).ToDictionary(article => article.File);

    private static ImportPlan Plan(IReadOnlyList<ParsedFile> files, IReadOnlyList<StoredArticle> stored, IReadOnlyList<ContentError>? unreadable = null) =>
        ImportPlanner.Plan(Kinds, files, unreadable ?? [], stored.ToDictionary(article => article.File), Today);

    private static ParsedFile Parsed(
        string fileName, string entryName, string published = "2021-04-01", string prose = "Some prose.", string facts = "", string more = "")
    {
        var file = $"articles/{fileName}";
        var text = $"""
            ---
            title: Managers
            kind: managers
            published: {published}
            summary: Test.
            ---

            ## {entryName}

            - **Country:** Belgium
            {facts}

            {prose}

            {more}
            """;
        var result = new ArticleParser(Kinds).Parse(file, text);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return new ParsedFile(file, IsolatedArticleParser.Fingerprint("kinds", text), result.Value, []);
    }

    private static StoredArticle Stored(ParsedFile file) => new(
        file.File,
        file.Article!.Slug,
        file.Fingerprint,
        file.Article.Entries.Select(entry => new StoredEntry("managers", entry.Slug, entry.Rank, entry.Aliases)).ToList(),
        ["belgium"],
        file.Article.Aliases,
        file.Article.Published,
        file.Article.LinkPaths.ToList());
}
