using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// Who keeps an address two articles claim is decided by the first commit of each file: the site tells the operator
/// when the content folder has no such history to read (the start logs it), since the dates and file names then decide.
/// </summary>
public sealed class ContentHistoryTests
{
    /// <summary>
    /// A commit that changes no file (a staged `git mv` committed, a merge, a pull) can change who keeps a contested
    /// address, since the history decides: the once-a-second look sees it, as it sees a changed file, and the site
    /// imports again (before, only the next edit or a restart did, and a new instance decided otherwise meanwhile).
    /// </summary>
    [Fact]
    public async Task ACommitThatChangesNoFile_IsSeenByTheLookThatFollowsEachImport()
    {
        var repository = new TestRepository();
        using var live = new ImportHarness(repository.Content, inPlace: true);
        await live.ImportAsync();
        Assert.False(live.Importer.ChangedSinceLastRead());

        repository.Git("-c", "user.email=test@example.org", "-c", "user.name=test", "commit", "-q", "--allow-empty", "-m", "only the history moves");

        Assert.True(live.Importer.ChangedSinceLastRead());
        await live.ImportAsync();
        Assert.False(live.Importer.ChangedSinceLastRead());
    }

    [Fact]
    public void AFullClone_HasTheHistory()
    {
        var repository = new TestRepository();

        Assert.Null(FirstPublication.WhyNoHistory(repository.Clone().Content));
    }

    [Fact]
    public void ACommittedCopy_BeginsWhenItWasCommitted_AndARenamedFileKeepsItsFirstCommit()
    {
        var published = new DateTimeOffset(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var repository = new TestRepository(published);
        var articles = Path.Combine(repository.Content, "articles");
        File.Copy(Path.Combine(articles, "2021-03-record-labels.md"), Path.Combine(articles, "2020-01-copied-labels.md"));
        repository.Commit("a copy", published.AddMonths(9));
        repository.Git("mv", "content/articles/2021-02-music-venues.md", "content/articles/2021-02-venues.md");
        repository.Commit("a rename", published.AddMonths(10));

        var times = new FirstPublication(repository.Content).CommitTimes(
            ["articles/2021-03-record-labels.md", "articles/2020-01-copied-labels.md", "articles/2021-02-venues.md"]);

        Assert.Equal(published.ToUnixTimeSeconds(), times["articles/2021-03-record-labels.md"]);
        Assert.Equal(published.AddMonths(9).ToUnixTimeSeconds(), times["articles/2020-01-copied-labels.md"]);
        Assert.Equal(published.ToUnixTimeSeconds(), times["articles/2021-02-venues.md"]);
    }

    /// <summary>
    /// `git mv`, and the commit a moment later: the watcher imports in between, when the renamed file has no commit of
    /// its own. It keeps the first commit of the file it was renamed from, so a newcomer cannot take its addresses.
    /// </summary>
    [Fact]
    public void ARenameStagedButNotCommitted_KeepsTheFirstCommitOfTheFileItWasRenamedFrom()
    {
        var published = new DateTimeOffset(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var repository = new TestRepository(published);
        var articles = Path.Combine(repository.Content, "articles");
        File.WriteAllText(Path.Combine(articles, "2020-01-newcomer.md"), File.ReadAllText(Path.Combine(articles, "2021-02-music-venues.md")));
        repository.Commit("a newcomer", published.AddMonths(9));
        repository.Git("mv", "content/articles/2021-03-record-labels.md", "content/articles/2021-03-iconic-labels.md");

        var times = new FirstPublication(repository.Content).CommitTimes(["articles/2021-03-iconic-labels.md", "articles/2020-01-newcomer.md"]);

        Assert.Equal(published.ToUnixTimeSeconds(), times["articles/2021-03-iconic-labels.md"]);
        Assert.Equal(published.AddMonths(9).ToUnixTimeSeconds(), times["articles/2020-01-newcomer.md"]);
    }

    /// <summary>
    /// An address is published from the first committed version that shows it: not while that version is a draft, and
    /// not before its 'published:' day (a scheduled article does not hold an address an older one takes meanwhile).
    /// </summary>
    [Fact]
    public void AnAddressIsPublishedSince_TheFirstCommitThatShowsIt_NotADraftNorBeforeItsDay()
    {
        var start = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var repository = new TestRepository(start);
        var file = Path.Combine(repository.Content, "articles", "2026-12-more-labels.md");
        string Article(string frontMatter) => $"---\ntitle: More labels\nkind: labels\n{frontMatter}summary: More.\n---\n\nIntro.\n\n## Coldcut Records\n\n"
            + "- **Country:** United Kingdom\n- **City:** London\n- **Founded:** 1990\n\nIts story.\n";
        File.WriteAllText(file, Article("published: 2026-11-01\ndraft: true\n"));
        repository.Commit("a draft", start.AddDays(1));
        File.WriteAllText(file, Article("published: 2026-11-01\n"));
        repository.Commit("scheduled", start.AddDays(2));
        var kinds = KindCatalogParser.Parse("kinds.yml", File.ReadAllText(Path.Combine(repository.Content, "kinds.yml"))).Value!;

        var history = new FirstPublication(repository.Content);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
            history.PublishedSince("articles/2026-12-more-labels.md", "/labels/coldcut-records", kinds, ["articles/2026-12-more-labels.md"]));
        Assert.Equal(start.ToUnixTimeSeconds(), history.PublishedSince("articles/2021-03-record-labels.md", "/labels/ninja-tune", kinds, ["articles/2021-03-record-labels.md"]));
        Assert.Null(history.PublishedSince("articles/2021-03-record-labels.md", "/labels/coldcut-records", kinds, ["articles/2021-03-record-labels.md"]));
    }

    [Fact]
    public void AFolderOutsideGit_IsSaidToHaveNone()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);

        Assert.Contains("is not in a git checkout", FirstPublication.WhyNoHistory(content));
    }

    /// <summary>
    /// A checkout another user owns, which git refuses to read for the site's user ("dubious ownership"): said as
    /// that, with git's advice (safe.directory), not as "not in a git checkout" (found by replay 3).
    /// </summary>
    [Fact]
    public void ACheckoutAnotherUserOwns_IsSaidToBeOne_WithGitsAdvice()
    {
        var repository = new TestRepository();
        Shell.Run("chown", "-R", "65534:65534", repository.Root);

        var why = FirstPublication.WhyNoHistory(repository.Content);

        Assert.NotNull(why);
        Assert.Contains("git will not read for the site's user", why);
        Assert.Contains("safe.directory", why);
    }

    /// <summary>
    /// The operator mends it as the warning says, here by giving the checkout back (found by replay 6): the history
    /// counts from the look that follows, not from the next edit.
    /// </summary>
    [Fact]
    public async Task ACheckoutAnotherUserOwns_GivenBack_IsSeenByTheLookThatFollowsEachImport()
    {
        var repository = new TestRepository();
        Shell.Run("chown", "-R", "65534:65534", repository.Root);
        using var live = new ImportHarness(repository.Content, inPlace: true);
        await live.ImportAsync();
        Assert.False(live.Importer.ChangedSinceLastRead());

        Shell.Run("chown", "-R", "0:0", repository.Root);

        Assert.Null(FirstPublication.WhyNoHistory(repository.Content));
        Assert.True(live.Importer.ChangedSinceLastRead());
    }

    [Fact]
    public void AShallowClone_IsSaidToHoldTheNewestCommitOnly()
    {
        var repository = new TestRepository(DateTimeOffset.UtcNow.AddDays(-2));
        File.AppendAllText(Path.Combine(repository.Content, "articles", "2021-03-record-labels.md"), "\nA later line.\n");
        repository.Commit("later");
        var shallow = Path.Combine(TempFolder.Create("shallow"), "repo");
        repository.Git("clone", "-q", "--depth", "1", "file://" + repository.Root, shallow);

        Assert.Contains("shallow clone", FirstPublication.WhyNoHistory(Path.Combine(shallow, "content")));
    }

    /// <summary>
    /// `git fetch --unshallow`, as the start's warning advises, brings the history without moving HEAD or any file
    /// (found by replay 5): it was taken at the next edit, and the site decided contested addresses by the dates until then.
    /// </summary>
    [Fact]
    public async Task AShallowCloneMadeFull_IsSeenByTheLookThatFollowsEachImport()
    {
        var repository = new TestRepository(DateTimeOffset.UtcNow.AddDays(-2));
        File.AppendAllText(Path.Combine(repository.Content, "articles", "2021-03-record-labels.md"), "\nA later line.\n");
        repository.Commit("later");
        var shallow = Path.Combine(TempFolder.Create("shallow"), "repo");
        repository.Git("clone", "-q", "--depth", "1", "file://" + repository.Root, shallow);
        using var live = new ImportHarness(Path.Combine(shallow, "content"), inPlace: true);
        await live.ImportAsync();
        Assert.False(live.Importer.ChangedSinceLastRead());

        repository.Git("-C", shallow, "fetch", "-q", "--unshallow");

        Assert.Null(FirstPublication.WhyNoHistory(Path.Combine(shallow, "content")));
        Assert.True(live.Importer.ChangedSinceLastRead());
    }

    /// <summary>
    /// The same in a release swapped in under a link (found by replay 6): the look watched the first release's .git,
    /// asked once, and missed the history that came to the second.
    /// </summary>
    [Fact]
    public async Task AShallowReleaseLinkedInThenMadeFull_IsSeenByTheLookThatFollowsEachImport()
    {
        var repository = new TestRepository(DateTimeOffset.UtcNow.AddDays(-2));
        File.AppendAllText(Path.Combine(repository.Content, "articles", "2021-03-record-labels.md"), "\nA later line.\n");
        repository.Commit("later");
        var releases = TempFolder.Create("releases");
        foreach (var release in new[] { "1", "2" })
        {
            repository.Git("clone", "-q", "--depth", "1", "file://" + repository.Root, Path.Combine(releases, release));
        }

        var current = Path.Combine(releases, "current");
        Directory.CreateSymbolicLink(current, Path.Combine(releases, "1"));
        using var live = new ImportHarness(Path.Combine(current, "content"), inPlace: true);
        await live.ImportAsync();
        File.Delete(current);
        Directory.CreateSymbolicLink(current, Path.Combine(releases, "2"));
        await live.ImportAsync();
        Assert.False(live.Importer.ChangedSinceLastRead());

        repository.Git("-C", Path.Combine(releases, "2"), "fetch", "-q", "--unshallow");

        Assert.True(live.Importer.ChangedSinceLastRead());
    }
}
