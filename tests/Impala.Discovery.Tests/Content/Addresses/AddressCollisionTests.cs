using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// A newcomer that reuses a published address (issue 21): the article published first keeps it, the newcomer is refused
/// at its line naming the holder, on a new store and on a live one alike, and later imports of other files go on.
/// </summary>
public sealed class AddressCollisionTests
{
    private const string Labels = "articles/2021-03-record-labels.md";
    private const string Newcomer = "2020-01-newcomers.md";

    // The real label's facts, under each way of writing a heading or a line that lands on /labels/ninja-tune.
    private const string Facts = "- **Country:** United Kingdom\n- **City:** London\n- **Founded:** 1990\n";

    public static TheoryData<string, string, string> Claims => new()
    {
        { "the same name", "", "## Ninja Tune\n\n" + Facts },
        { "a name that folds to the same slug", "", "## Ninja Tüne\n\n" + Facts },
        { "a combining mark", "", "## Ninja\u0301 Tune\n\n" + Facts },
        { "fullwidth letters", "", "## \uFF2E\uFF49\uFF4E\uFF4A\uFF41 \uFF34\uFF55\uFF4E\uFF45\n\n" + Facts },
        { "a Slug line", "", "## Coldcut Records\n\n" + Facts + "- **Slug:** ninja-tune\n" },
        { "an Aliases line", "", "## Coldcut Records\n\n" + Facts + "- **Aliases:** ninja-tune\n" },
        { "an article alias", "aliases: [record-labels]\n", "## Coldcut Records\n\n" + Facts },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task BackdatedNewcomerCommittedLater_IsRefused_OnANewStoreAndALiveOne(string claim, string frontMatter, string entry)
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var liveCheckout = repository.Clone();
        using var live = new ImportHarness(liveCheckout.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        WriteNewcomer(repository.Content, "2020-01-01", frontMatter, entry);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        liveCheckout.Git("pull", "-q", "--ff-only");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        await AssertTheRealArticleKeepsItsAddressesAsync(fresh, claim);
        await AssertTheRealArticleKeepsItsAddressesAsync(live, claim);
    }

    /// <summary>
    /// <c>check --base</c> with the newcomer already in the base (found by replay 3): the base was read from a copy with
    /// no history and judged by its dates, so check said the real article was refused, held by the newcomer, where the
    /// live site and a new instance refuse the newcomer.
    /// </summary>
    [Fact]
    public async Task BackdatedNewcomerInTheBase_IsTheOneCheckRefuses_AsTheSiteDoes()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

        var (exit, lines) = await ContentCheckTests.CheckAsync(repository.Content, "--base", "HEAD");

        Assert.Equal(1, exit);
        var errors = lines.Where(line => line.Contains(": error: ", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.StartsWith($"{repository.Content}/articles/{Newcomer}:", errors[0]);
        Assert.Contains("/labels/ninja-tune", errors[0]);
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task NewcomerPublishedLater_IsRefused_InAFolderWithoutHistory(string claim, string frontMatter, string entry)
    {
        using var live = new ImportHarness();
        Assert.Empty((await live.ImportAsync()).Errors);
        WriteNewcomer(live.ContentPath, "2026-11-01", frontMatter, entry);
        using var fresh = new ImportHarness(live.ContentPath);

        await AssertTheRealArticleKeepsItsAddressesAsync(fresh, claim);
        await AssertTheRealArticleKeepsItsAddressesAsync(live, claim);
    }

    /// <summary>
    /// The holder renamed while a committed newcomer claims one of its addresses, and the import that runs before the
    /// rename is committed (found replaying issue 21): the renamed file had no commit of its own, ranked after the
    /// newcomer and was refused; with no last good version under its new name its 19 other labels answered 410, the
    /// newcomer took /labels/ninja-tune, and after the commit each file stayed refused naming the other.
    /// </summary>
    [Theory]
    [InlineData("mv", false)]
    [InlineData("mv, then an edit", true)]
    [InlineData("git mv", false)]
    [InlineData("mv, with an index the site cannot read", false)]
    public async Task HolderRenamed_BeforeTheRenameIsCommitted_KeepsItsAddresses_AndAfterwards(string how, bool edited)
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = await LiveStoreThatRefusedANewcomerAsync(repository);

        const string Renamed = "articles/2021-03-iconic-labels.md";
        if (how == "git mv")
        {
            repository.Git("mv", $"content/{Labels}", $"content/{Renamed}");
        }
        else
        {
            File.Move(Path.Combine(repository.Content, Labels), Path.Combine(repository.Content, Renamed));
        }

        if (edited)
        {
            File.AppendAllText(Path.Combine(repository.Content, Renamed), "\nA line added after the move.\n");
        }

        var status = repository.GitOutput("status", "--porcelain");
        var objects = Directory.GetFiles(Path.Combine(repository.Root, ".git", "objects"), "*", SearchOption.AllDirectories).Length;
        var index = Path.Combine(repository.Root, ".git", "index");
        if (how.Contains("index the site cannot read", StringComparison.Ordinal))
        {
            // The tests run as root, whom no file mode stops: a folder in the index's place cannot be copied either.
            File.Move(index, index + ".aside");
            Directory.CreateDirectory(index);
        }

        await AssertTheRenamedFileKeepsEveryLabelAsync(live, Renamed, $"{how}, not committed");
        if (Directory.Exists(index))
        {
            Directory.Delete(index);
            File.Move(index + ".aside", index);
        }

        Assert.Equal(status, repository.GitOutput("status", "--porcelain")); // the editor's index is left as it was
        Assert.Equal(objects, Directory.GetFiles(Path.Combine(repository.Root, ".git", "objects"), "*", SearchOption.AllDirectories).Length);
        repository.Git("add", "-A");
        repository.Commit("the rename");
        await AssertTheRenamedFileKeepsEveryLabelAsync(live, Renamed, $"{how}, committed");
        Assert.Equal("", repository.GitOutput("status", "--porcelain"));
    }

    /// <summary>
    /// The holder renamed and its prose rewritten, headings and facts kept (found by replay 3): under half of it alike, git
    /// sees a new file and a deleted one, not a rename, before the commit and after. The new file had no history older
    /// than the newcomer's and was refused; a new instance then served the newcomer at /labels/ninja-tune and none of the
    /// article's other labels. An article that began in the change that deleted another keeps the deleted one's
    /// addresses from the day it published them.
    /// </summary>
    [Fact]
    public async Task HolderRenamedAndRewritten_KeepsItsAddresses_BeforeTheCommit_AfterIt_AndOnANewInstance()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = await LiveStoreThatRefusedANewcomerAsync(repository);

        const string Renamed = "articles/2021-03-iconic-labels.md";
        var text = File.ReadAllText(Path.Combine(repository.Content, Labels));
        File.Delete(Path.Combine(repository.Content, Labels));
        File.WriteAllText(Path.Combine(repository.Content, Renamed), Rewritten(text));
        await AssertTheRenamedFileKeepsEveryLabelAsync(live, Renamed, "renamed and rewritten, not committed");

        repository.Commit("the rename and the rewrite");
        Assert.Equal($"A\tcontent/{Renamed}\nD\tcontent/{Labels}", repository.GitOutput("show", "--format=", "--name-status", "HEAD").Trim());
        await AssertTheRenamedFileKeepsEveryLabelAsync(live, Renamed, "renamed and rewritten, committed");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
        await AssertTheRenamedFileKeepsEveryLabelAsync(fresh, Renamed, "renamed and rewritten, on a new instance");
    }

    /// <summary>
    /// The holder and an article committed after the newcomer swap file names, committed as one change (found by replay
    /// 3): git sees two files edited, so the twenty labels counted from the later article's first commit and lost
    /// /labels/ninja-tune to the newcomer; a new instance then served none of them, and the live site refused four files.
    /// An address that moves from one file to another in one commit is published since it first was.
    /// </summary>
    [Fact]
    public async Task HolderSwapsNamesWithALaterArticle_KeepsItsAddresses_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        const string Later = "articles/2021-05-later-labels.md";
        File.WriteAllText(Path.Combine(repository.Content, Later),
            "---\ntitle: Later labels\nkind: labels\npublished: 2021-05-01\nsummary: One more label.\n---\n\nOne more.\n\n"
            + "## Late Arrival Records\n\n- **Country:** Belgium\n- **City:** Ghent\n- **Founded:** 2001\n\nIts story.\n");
        repository.Commit("a later article", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Single((await live.ImportAsync()).Errors, error => error.File == $"articles/{Newcomer}");

        var (holder, later) = (Path.Combine(repository.Content, Labels), Path.Combine(repository.Content, Later));
        File.Move(holder, holder + ".swap");
        File.Move(later, holder);
        File.Move(holder + ".swap", later);
        await AssertTheSwappedArticlesKeepTheirAddressesAsync(live, Later, "names swapped, not committed");
        repository.Commit("the two articles swap names", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal($"M\tcontent/{Labels}\nM\tcontent/{Later}", repository.GitOutput("show", "--format=", "--name-status", "HEAD").Trim());

        await AssertTheSwappedArticlesKeepTheirAddressesAsync(live, Later, "names swapped, committed");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
        await AssertTheSwappedArticlesKeepTheirAddressesAsync(fresh, Later, "names swapped, on a new instance");
    }

    private static async Task AssertTheSwappedArticlesKeepTheirAddressesAsync(ImportHarness harness, string later, string when)
    {
        await AssertTheRenamedFileKeepsEveryLabelAsync(harness, later, when);
        Assert.Equal(Labels, await ServedFromAsync(harness, "late-arrival-records"));
    }

    /// <summary>
    /// A newcomer from a branch merged with a merge commit, GitHub's default (found by replay 4): its commit was made
    /// before the same label was added to the article on the main line, so by commit times it came first. On a new store
    /// it took the address and the twenty-label article was refused; on the live store both were refused. What a branch
    /// brings is published when it is merged.
    /// </summary>
    [Fact]
    public async Task NewcomerFromABranchMergedLater_IsRefused_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        repository.Git("checkout", "-q", "-b", "newcomer");
        WriteNewcomer(repository.Content, "2026-11-01", "", "## Zebra Sounds\n\n" + Facts);
        repository.Commit("a newcomer, on a branch", new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        repository.Git("checkout", "-q", "main");
        File.AppendAllText(Path.Combine(repository.Content, Labels), "\n## Zebra Sounds\n\n" + Facts + "\nIts story.\n");
        repository.Commit("the label added on the main line", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        repository.Git("-c", "user.email=test@example.org", "-c", "user.name=test", "merge", "-q", "--no-ff", "newcomer", "-m", "Merge the newcomer");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        await AssertTheNewcomerAloneIsRefusedAsync(fresh, "a new store", "zebra-sounds");
        await AssertTheNewcomerAloneIsRefusedAsync(live, "the live store", "zebra-sounds");
    }

    /// <summary>
    /// An address published as a former one, an alias, is published too (found by replay 9): a label's
    /// <c>Aliases: warp</c>, or the article's <c>aliases:</c>, committed long before a newcomer named "Warp" (or a file
    /// named so) came. The address went to whichever lived there, while a refused file's last good version kept it by the
    /// history: each file was refused naming the other, so the twenty-label article took no edit any more, and a running
    /// site served the newcomer where a new store redirected to the label. The article that published the address first
    /// keeps it, as an alias too; the newcomer alone is refused, on every store.
    /// </summary>
    [Theory]
    [InlineData("an entry's alias", "- **Aliases:** warp\n", "", "2026-11-newcomers.md", "/labels/warp")]
    [InlineData("an article's alias", "", "aliases: [labels-of-europe]\n", "2026-11-labels-of-europe.md", "/series/labels-of-europe")]
    public async Task AnAddressPublishedAsAnAlias_IsKeptAgainstANewcomerThatWouldLiveThere_OnALiveStoreAndANewOne(
        string alias, string entryLine, string frontMatterLine, string newcomerFile, string address)
    {
        var repository = RepositoryWithAnAlias(alias, entryLine, frontMatterLine);
        var liveCheckout = repository.Clone();
        using var live = new ImportHarness(liveCheckout.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        WriteWarp(repository.Content, newcomerFile, "2026-11-01");
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        liveCheckout.Git("pull", "-q", "--ff-only");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (store, harness) in new[] { ("a new store", fresh), ("the live store", live) })
        {
            var refusal = Assert.Single((await harness.ImportAsync()).Errors);
            Assert.True(refusal.File == $"articles/{newcomerFile}" && refusal.Message.Contains(Labels, StringComparison.Ordinal), $"{store}: {refusal}");
            Assert.Equal(Labels, await FormerAddressOfAsync(harness, address));
        }
    }

    /// <summary>
    /// As above, with the holder refused for another mistake when the newcomer comes, on the checkout the editor works in
    /// (a sequence replay 9 tried): its last good version keeps the alias, and the newcomer alone is refused.
    /// </summary>
    [Theory]
    [InlineData("an entry's alias", "- **Aliases:** warp\n", "", "2026-11-newcomers.md", "/labels/warp")]
    [InlineData("an article's alias", "", "aliases: [labels-of-europe]\n", "2026-11-labels-of-europe.md", "/series/labels-of-europe")]
    public async Task AnAddressPublishedAsAnAlias_ByAnArticleRefusedWhenTheNewcomerComes_IsKept_OnALiveStoreAndANewOne(
        string alias, string entryLine, string frontMatterLine, string newcomerFile, string address)
    {
        var repository = RepositoryWithAnAlias(alias, entryLine, frontMatterLine);
        // The live site runs on the checkout the editor works in: it sees each file saved before it is committed.
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        var labels = Path.Combine(repository.Content, Labels);
        File.WriteAllText(labels, File.ReadAllText(labels).Replace("- **Founded:** 1969\n", "- **Founded:** sixty-nine\n", StringComparison.Ordinal));
        Assert.NotEmpty((await live.ImportAsync()).Errors);
        repository.Commit("ECM's year mistyped", new DateTimeOffset(2022, 6, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.NotEmpty((await live.ImportAsync()).Errors);

        WriteWarp(repository.Content, newcomerFile, "2022-01-01");
        Assert.NotEmpty((await live.ImportAsync()).Errors);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (store, harness) in new[] { ("a new store", fresh), ("the live store", live) })
        {
            var refused = (await harness.ImportAsync()).Files.Where(file => file.State == FileState.Refused).Select(file => file.File).Order().ToList();
            Assert.True(refused.SequenceEqual([Labels, $"articles/{newcomerFile}"]), $"{store} refused {string.Join(", ", refused)}");
            Assert.Equal(Labels, await FormerAddressOfAsync(harness, address));
        }
    }

    /// <summary>The frozen content in git, then ECM (or its article) given a former address, committed a year on.</summary>
    private static TestRepository RepositoryWithAnAlias(string alias, string entryLine, string frontMatterLine)
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var labels = Path.Combine(repository.Content, Labels);
        File.WriteAllText(labels, File.ReadAllText(labels)
            .Replace("## ECM\n\n", "## ECM\n\n" + entryLine, StringComparison.Ordinal)
            .Replace("kind: labels\n", "kind: labels\n" + frontMatterLine, StringComparison.Ordinal));
        repository.Commit(alias, new DateTimeOffset(2022, 5, 1, 9, 0, 0, TimeSpan.Zero));
        return repository;
    }

    /// <summary>A newcomer article with one label, "Warp".</summary>
    private static void WriteWarp(string content, string file, string published) =>
        File.WriteAllText(Path.Combine(content, "articles", file),
            $"---\ntitle: Newcomers\nkind: labels\npublished: {published}\nsummary: Labels new to the series.\n---\n\nA few labels.\n\n"
            + "## Warp\n\n" + Facts + "\nIts story.\n");

    /// <summary>Which article an alias address leads to, or null when none does.</summary>
    private static async Task<string?> FormerAddressOfAsync(ImportHarness harness, string address)
    {
        await using var db = harness.CreateDbContext();
        var slug = address[(address.LastIndexOf('/') + 1)..];
        return address.StartsWith("/series/", StringComparison.Ordinal)
            ? (await db.Articles.Select(article => new { article.SourceFile, article.Aliases }).ToListAsync(TestContext.Current.CancellationToken))
                .SingleOrDefault(article => article.Aliases.Contains(slug))?.SourceFile
            : await db.EntryAliases.Where(entryAlias => entryAlias.KindKey == "labels" && entryAlias.Slug == slug)
                .Select(entryAlias => entryAlias.Entry.Article.SourceFile).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A newcomer committed after the holder with a committer date years back (a clock set wrong, GIT_COMMITTER_DATE;
    /// found by replay 4): on a new store it took the address, and only one of the twenty labels was left.
    /// </summary>
    [Fact]
    public async Task NewcomerCommittedLaterWithAnOldCommitterDate_IsRefused_OnANewStore()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2019-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a newcomer, its clock wrong", new DateTimeOffset(2019, 6, 1, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        await AssertTheRealArticleKeepsItsAddressesAsync(fresh, "an old committer date");
    }

    /// <summary>
    /// A fact dropped from kinds.yml (and from the labels that had it) after a newcomer was refused (found by replay 4):
    /// read with today's kinds.yml, the holder's older versions had an unknown fact and so published nothing; the
    /// newcomer took /labels/ninja-tune on a new store, and both were refused on the live one. Each committed version is
    /// read with the kinds.yml of its own commit.
    /// </summary>
    [Fact]
    public async Task AFactDroppedFromTheKinds_LeavesTheHolderItsAddresses_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = await LiveStoreThatRefusedANewcomerAsync(repository);

        var kindsFile = Path.Combine(repository.Content, "kinds.yml");
        File.WriteAllLines(kindsFile, File.ReadAllLines(kindsFile).Where(line => !line.Contains("key: Imprints", StringComparison.Ordinal)));
        var labels = Path.Combine(repository.Content, Labels);
        File.WriteAllLines(labels, File.ReadAllLines(labels).Where(line => !line.StartsWith("- **Imprints:**", StringComparison.Ordinal)));
        repository.Commit("Imprints dropped", new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

        await AssertTheRealArticleKeepsItsAddressesAsync(live, "a fact dropped, the live store");
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
        await AssertTheRealArticleKeepsItsAddressesAsync(fresh, "a fact dropped, a new store");
    }

    /// <summary>
    /// A label dropped from the article and committed, a newcomer then given the free address, and the drop reverted
    /// (found by replay 4): by the history the article keeps the address, as a new instance decided, but on the live
    /// store the newcomer's last good version still held it (here /labels/excelsior, which no article links to), so both files were refused, each naming the other, and the
    /// article's later edits were not taken. The newcomer's last good version now gives the contested entry up and
    /// keeps the rest online.
    /// </summary>
    [Fact]
    public async Task DropRevertedAfterANewcomerTookTheAddress_TheArticleGetsItBack_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var labels = Path.Combine(repository.Content, Labels);
        var original = File.ReadAllText(labels);
        var start = original.IndexOf("\n## Excelsior\n", StringComparison.Ordinal);
        var end = original.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        File.WriteAllText(labels, original[..start] + original[end..]);
        File.SetLastWriteTimeUtc(labels, DateTime.UtcNow.AddMinutes(-1));
        repository.Commit("Excelsior dropped", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        WriteNewcomer(repository.Content, "2026-11-01", "", "## Excelsior\n\n" + Facts + "\nIts story.\n\n## Zebra Sounds\n\n" + Facts);
        repository.Commit("a newcomer takes the free address", new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        Assert.Empty((await live.ImportAsync()).Errors);
        Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(live, "excelsior"));

        File.WriteAllText(labels, original);
        repository.Commit("Revert \"Excelsior dropped\"", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (live, "the live store"), (fresh, "a new store") })
        {
            var report = await harness.ImportAsync();
            var refusal = Assert.Single(report.Errors);
            Assert.True(refusal.File == $"articles/{Newcomer}" && refusal.Message.Contains(Labels, StringComparison.Ordinal), $"{store}: {refusal}");
            Assert.Equal(Labels, await ServedFromAsync(harness, "excelsior"));
            Assert.True(report.Warnings.Any(warning => warning.File == $"articles/{Newcomer}"
                && warning.Message.Contains("stays online, but without /labels/excelsior", StringComparison.Ordinal)), store);

            // The rest of the newcomer's last good version stays online: the live store kept it, and a new store takes
            // it from the commit that brought it, which a site built there accepted.
            Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(harness, "zebra-sounds"));
        }

        await using (var db = live.CreateDbContext())
        {
            // The entry given up leaves the search with its page: one Excelsior is found, not two.
            Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchDocs WHERE Type = 'entry' AND Title = 'Excelsior'")
                .SingleAsync(TestContext.Current.CancellationToken));
        }

        live.Edit("2021-03-record-labels.md", "summary: ", "summary: Edited. ");
        Assert.Single((await live.ImportAsync()).Errors, error => error.File == $"articles/{Newcomer}");
        await using (var db = live.CreateDbContext())
        {
            Assert.StartsWith("Edited. ", await db.Articles.Where(article => article.SourceFile == Labels)
                .Select(article => article.Summary).SingleAsync(TestContext.Current.CancellationToken));
        }

        using var restarted = live.Restarted();
        var afterRestart = await restarted.ImportAsync();
        Assert.Single(afterRestart.Errors, error => error.File == $"articles/{Newcomer}");
        Assert.Contains(afterRestart.Warnings, warning => warning.File == $"articles/{Newcomer}"
            && warning.Message.Contains("stays online, but without /labels/excelsior", StringComparison.Ordinal));
        Assert.Equal(Labels, await ServedFromAsync(restarted, "excelsior"));
        Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(restarted, "zebra-sounds"));
    }

    /// <summary>
    /// Two claims of one address that reach the history in one commit (a new article saved, then the same label added
    /// to the labels article, both committed together; an amended commit; found by replay 5): the live store kept the
    /// article it already served, while a new store and check gave the address to the file committed first. Both now
    /// give it to the file committed first.
    /// </summary>
    [Fact]
    public async Task TwoClaimsCommittedTogether_TheFileCommittedFirstKeepsTheAddress_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);
        WriteNewcomer(repository.Content, "2026-11-01", "", "## Zebra Sounds\n\n" + Facts);
        Assert.Empty((await live.ImportAsync()).Errors);
        File.AppendAllText(Path.Combine(repository.Content, Labels), "\n## Zebra Sounds\n\n" + Facts + "\nIts story.\n");
        Assert.Single((await live.ImportAsync()).Errors, error => error.File == Labels);

        repository.Commit("a new article, and its label added to the labels article", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        await AssertTheNewcomerAloneIsRefusedAsync(live, "the live store", "zebra-sounds");
        await AssertTheNewcomerAloneIsRefusedAsync(fresh, "a new store", "zebra-sounds");
    }

    /// <summary>
    /// A shallow clone holds one commit, so the dates decide (the start warns of it) and a backdated newcomer takes the
    /// address; `git fetch --unshallow`, as the warning advises, brings the history, and the article that published the
    /// address first gets it back at the next look (found by replay 5: the history was kept as it had been read).
    /// </summary>
    [Fact]
    public async Task AShallowCloneMadeFull_GivesTheAddressBackToTheArticleThatPublishedItFirst()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a backdated newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var shallow = Path.Combine(TempFolder.Create("shallow"), "repo");
        repository.Git("clone", "-q", "--depth", "1", "file://" + repository.Root, shallow);
        using var live = new ImportHarness(Path.Combine(shallow, "content"), inPlace: true);
        await live.ImportAsync();
        Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(live, "ninja-tune"));

        repository.Git("-C", shallow, "fetch", "-q", "--unshallow");

        await AssertTheRealArticleKeepsItsAddressesAsync(live, "a shallow clone made full");
    }

    /// <summary>
    /// The history squashed into one commit (a force-push taken with `git reset --hard`; found by replay 5 and 7): every
    /// claim is then first committed at one moment, and the dates decide (README, set-up step 3). A running site went on
    /// by the store's word and kept the address where it was, while a new one gave it to the article dated first.
    /// </summary>
    [Fact]
    public async Task AHistorySquashedIntoOneCommit_TheDatesDecide_OnALiveStoreAndANewOne()
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a backdated newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        await AssertTheRealArticleKeepsItsAddressesAsync(live, "before the squash");

        repository.Git("checkout", "-q", "--orphan", "squashed");
        repository.Commit("the whole history in one commit", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
        using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);

        foreach (var (harness, store) in new[] { (fresh, "a new store"), (live, "the live store") })
        {
            var report = await harness.ImportAsync();
            Assert.True(report.Errors.Single().File == Labels, $"{store}: {string.Join("; ", report.Errors)}");
            Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(harness, "ninja-tune"));
        }

        // The live site keeps the rest of the labels article's last good version meanwhile.
        Assert.Equal(Labels, await ServedFromAsync(live, "ecm"));
    }

    /// <summary>Every paragraph of prose written anew; the front matter, headings and facts kept.</summary>
    private static string Rewritten(string article)
    {
        var bodyStart = article.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        var blocks = article[bodyStart..].Split("\n\n").Select((block, at) => block.StartsWith("## ", StringComparison.Ordinal)
            || block.StartsWith("- **", StringComparison.Ordinal) || block.Trim().Length == 0
                ? block
                : $"Paragraph {at}, written anew: another view of independent music in Europe and of the people who made it.");
        return article[..bodyStart] + string.Join("\n\n", blocks);
    }

    /// <summary>
    /// A newcomer dated 2020 that claims /labels/ninja-tune, committed in November 2026 to a repository of the frozen
    /// content (committed in 2021), and a live store on that checkout, which refused it.
    /// </summary>
    private static async Task<ImportHarness> LiveStoreThatRefusedANewcomerAsync(TestRepository repository)
    {
        WriteNewcomer(repository.Content, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Single((await live.ImportAsync()).Errors, error => error.File == $"articles/{Newcomer}");
        return live;
    }

    private static async Task AssertTheRenamedFileKeepsEveryLabelAsync(ImportHarness harness, string renamed, string when)
    {
        var report = await harness.ImportAsync();

        Assert.DoesNotContain(report.Errors, error => error.File == renamed);
        var refusal = Assert.Single(report.Errors, error => error.File == $"articles/{Newcomer}");
        Assert.True(refusal.Message.Contains(renamed, StringComparison.Ordinal), $"{when}: the refusal names no holder: {refusal}");
        var ninjaTuneFile = await ServedFromAsync(harness, "ninja-tune");
        Assert.True(ninjaTuneFile == renamed, $"{when}: /labels/ninja-tune is served from {ninjaTuneFile ?? "nothing"}");
        Assert.True(await harness.FindEntryAsync("labels", "ecm") is not null, $"{when}: /labels/ecm is gone");
    }

    /// <summary>
    /// An older article edited to take an address a newer one published (found replaying issue 21): going by the
    /// articles' ages the newer one was refused, for a line added to the other. On a live store both were then refused,
    /// each naming the other, so no edit of the newer one was taken; on a new store its entries were not served at all.
    /// The address stays with the article that published it first; the edit that takes it is refused at its line.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OlderArticleEditedToTakeAnAddressANewerOnePublished_IsTheOneRefused(bool committed)
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        WriteNewcomer(repository.Content, "2026-11-01", "", "## Coldcut Records\n\n" + Facts);
        repository.Commit("a newcomer", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var live = new ImportHarness(repository.Content, inPlace: true);
        Assert.Empty((await live.ImportAsync()).Errors);

        File.AppendAllText(Path.Combine(repository.Content, Labels), "\n## Coldcut Records\n\n" + Facts + "\nThe same label, added to the older article.\n");
        if (committed)
        {
            repository.Commit("the older article takes the address", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            using var fresh = new ImportHarness(repository.Clone().Content, inPlace: true);
            await AssertTheEditIsRefusedAsync(fresh, "a new store");
        }

        await AssertTheEditIsRefusedAsync(live, "a live store");
        Assert.Equal(Labels, await ServedFromAsync(live, "ninja-tune")); // its last good version stays online
        File.AppendAllText(Path.Combine(repository.Content, "articles", Newcomer), "\nA later sentence.\n");
        Assert.DoesNotContain((await live.ImportAsync()).Errors, error => error.File == $"articles/{Newcomer}");
    }

    /// <summary>
    /// Where the history cannot tell (a folder outside git, two files not committed yet), a newcomer with an earlier
    /// 'published:' date than the article serving an address went first by that date. On a live store both were then
    /// refused, each naming the other, and no edit of the serving article was taken (issue 21's "two-way refusal"). The
    /// article that serves the address keeps it; a new store, with nothing served yet, still goes by the dates.
    /// </summary>
    [Fact]
    public async Task WithoutHistory_ABackdatedTwinOfAServedAddress_IsRefused_AndTheServedArticleStillTakesEdits()
    {
        using var live = new ImportHarness();
        WriteNewcomer(live.ContentPath, "2026-11-01", "", "## Coldcut Records\n\n" + Facts);
        Assert.Empty((await live.ImportAsync()).Errors);
        const string Twin = "articles/2026-12-twin.md";
        File.WriteAllText(Path.Combine(live.ContentPath, Twin), File.ReadAllText(Path.Combine(live.ContentPath, "articles", Newcomer))
            .Replace("published: 2026-11-01", "published: 2019-01-01", StringComparison.Ordinal));

        var refusal = Assert.Single((await live.ImportAsync()).Errors);
        File.AppendAllText(Path.Combine(live.ContentPath, "articles", Newcomer), "\nA later sentence.\n");
        var afterAnEdit = await live.ImportAsync();

        Assert.True(refusal.File == Twin && refusal.Message.Contains($"articles/{Newcomer}", StringComparison.Ordinal), refusal.ToString());
        Assert.Equal(Twin, Assert.Single(afterAnEdit.Errors).File);
        Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(live, "coldcut-records"));
    }

    private static async Task AssertTheEditIsRefusedAsync(ImportHarness harness, string store)
    {
        var report = await harness.ImportAsync();

        var refusal = Assert.Single(report.Errors);
        Assert.True(refusal.File == Labels && refusal.Message.Contains($"articles/{Newcomer}", StringComparison.Ordinal), $"{store}: {refusal}");
        Assert.Equal($"articles/{Newcomer}", await ServedFromAsync(harness, "coldcut-records"));
    }

    /// <summary>The next import refuses the newcomer alone, naming the labels article, which serves the label.</summary>
    private static async Task AssertTheNewcomerAloneIsRefusedAsync(ImportHarness harness, string store, string labelSlug)
    {
        var refusal = Assert.Single((await harness.ImportAsync()).Errors);
        Assert.True(refusal.File == $"articles/{Newcomer}" && refusal.Message.Contains(Labels, StringComparison.Ordinal), $"{store}: {refusal}");
        Assert.Equal(Labels, await ServedFromAsync(harness, labelSlug));
    }

    private static async Task<string?> ServedFromAsync(ImportHarness harness, string labelSlug)
    {
        await using var db = harness.CreateDbContext();
        return await db.Entries.Where(entry => entry.KindKey == "labels" && entry.Slug == labelSlug)
            .Select(entry => entry.Article.SourceFile).SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    // Found by the mutant fuzzer (seed 7, mutants 1535, 2731, 3030): a copy of an older article saved as a new file with
    // 'aliases: record-labels' took /series/record-labels from the article that lives there, on a store without history.
    [Theory]
    [InlineData("aliases: [record-labels]\n", "## Coldcut Records\n\n" + Facts)]
    [InlineData("", "## Coldcut Records\n\n" + Facts + "- **Aliases:** ninja-tune\n")]
    public async Task BackdatedNewcomerClaimingAPublishedAddressAsItsFormerOne_NeverTakesIt_EvenWithoutHistory(string frontMatter, string entry)
    {
        using var fresh = new ImportHarness();
        WriteNewcomer(fresh.ContentPath, "2020-01-01", frontMatter, entry);

        await AssertTheRealArticleKeepsItsAddressesAsync(fresh, "a former address");
    }

    [Fact]
    public async Task BackdatedNewcomerOnALiveStore_NeverBreaksTheStore_AndOtherEditsStillImport()
    {
        // Without history, the front matter's date says the newcomer came first: the live store still serves the
        // real article's last good version, so the newcomer cannot take the address either, and nothing is written over it.
        using var live = new ImportHarness();
        Assert.Empty((await live.ImportAsync()).Errors);
        WriteNewcomer(live.ContentPath, "2020-01-01", "", "## Ninja Tune\n\n" + Facts);

        var report = await live.ImportAsync();
        Assert.Contains(report.Errors, error => error.File == $"articles/{Newcomer}" && error.Message.Contains(Labels, StringComparison.Ordinal));
        Assert.NotNull(await live.FindEntryAsync("labels", "ecm"));
        Assert.Equal("Twenty iconic European independent record labels", await ArticleTitleAsync(live, "record-labels"));

        live.Edit("2021-02-music-venues.md", "summary: ", "summary: Updated. ");
        var later = await live.ImportAsync();
        Assert.Equal(1, later.ArticlesWritten);
        Assert.NotNull(await live.FindEntryAsync("labels", "ninja-tune"));
    }

    [Theory]
    [InlineData("", "## Ninja Tune\n\n" + Facts, "## Ninja Tune")]
    [InlineData("", "## Coldcut Records\n\n" + Facts + "- **Slug:** ninja-tune\n", "- **Slug:** ninja-tune")]
    [InlineData("", "## Coldcut Records\n\n" + Facts + "- **Aliases:** coldcut, ninja-tune\n", "- **Aliases:** coldcut, ninja-tune")]
    [InlineData("aliases: [record-labels]\n", "## Coldcut Records\n\n" + Facts, "aliases: [record-labels]")]
    public async Task Refusal_PointsAtTheLineThatClaimsTheAddress(string frontMatter, string entry, string claimingLine)
    {
        using var live = new ImportHarness();
        await live.ImportAsync();
        WriteNewcomer(live.ContentPath, "2026-11-01", frontMatter, entry);
        var expectedLine = File.ReadAllLines(Path.Combine(live.ContentPath, "articles", Newcomer)).ToList().IndexOf(claimingLine) + 1;

        var refusal = Assert.Single((await live.ImportAsync()).Errors, error => error.File == $"articles/{Newcomer}");

        Assert.True(expectedLine > 0);
        Assert.Equal(expectedLine, refusal.Line);
        Assert.Contains(claimingLine.StartsWith("- **Aliases:**", StringComparison.Ordinal) ? "Remove 'ninja-tune' from its Aliases" : Labels, refusal.Message);
    }

    private static async Task AssertTheRealArticleKeepsItsAddressesAsync(ImportHarness harness, string claim)
    {
        var report = await harness.ImportAsync();

        var refusal = Assert.Single(report.Errors, error => error.File == $"articles/{Newcomer}");
        Assert.True(refusal.Message.Contains(Labels, StringComparison.Ordinal), $"{claim}: the refusal names no holder: {refusal}");
        Assert.DoesNotContain(report.Errors, error => error.File == Labels);
        Assert.Equal("Twenty iconic European independent record labels", await ArticleTitleAsync(harness, "record-labels"));
        var ninjaTune = await harness.FindEntryAsync("labels", "ninja-tune");
        Assert.True(ninjaTune is not null, $"{claim}: /labels/ninja-tune is gone");
        Assert.Equal("Ninja Tune", ninjaTune.Name);
        Assert.NotNull(await harness.FindEntryAsync("labels", "ecm"));
        Assert.Equal(1, report.RefusedFiles);
    }

    private static async Task<string?> ArticleTitleAsync(ImportHarness harness, string slug)
    {
        await using var db = harness.CreateDbContext();
        return await db.Articles.Where(article => article.Slug == slug).Select(article => article.Title).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
    }

    private static void WriteNewcomer(string content, string published, string frontMatter, string entry) =>
        File.WriteAllText(Path.Combine(content, "articles", Newcomer), $"""
            ---
            title: Newcomers
            kind: labels
            published: {published}
            summary: Labels that are new to the series.
            {frontMatter}---

            A few labels.

            {entry}
            Its story.
            """);
}
