using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// Who keeps an address two articles claim is decided by the first commit of each file: the site tells the operator
/// when the content folder has no such history to read (the start logs it), since the dates and file names then decide.
/// </summary>
public sealed class ContentHistoryTests
{
    [Fact]
    public void AFullClone_HasTheHistory()
    {
        var repository = new TestRepository();

        Assert.Null(FirstPublication.WhyNoHistory(repository.Clone().Content));
    }

    [Fact]
    public void AFolderOutsideGit_IsSaidToHaveNone()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);

        Assert.Contains("is not in a git checkout", FirstPublication.WhyNoHistory(content));
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
}
