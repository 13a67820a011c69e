using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Found by a sweep: editors' tools leave files of their own beside an article while it is open (emacs's .#lock link,
/// macOS's ._ file on a shared drive), and each was read as an article and refused, so health said "3 files refused"
/// for an article being edited; git's own writes under .git each started an import.
/// </summary>
public sealed class EditorToolFilesTests
{
    [Fact]
    public async Task LockAndResourceFilesBesideAnArticle_AreNotReadAsArticles()
    {
        using var harness = new ImportHarness();
        var before = await harness.ImportAsync();
        File.CreateSymbolicLink(harness.ArticlePath(".#2021-03-record-labels.md"), "editor@host.12345:1700000000");
        File.WriteAllBytes(harness.ArticlePath("._2021-03-record-labels.md"), [0, 5, 22, 7, 0, 2, 0, 0, 77, 97, 99]);

        var report = await harness.ImportAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(before.Files.Count, report.Files.Count);
        Assert.Equal(before.Entries, report.Entries);
    }

    [Theory]
    [InlineData(".git/objects/4b/825dc642cb6eb9a060e54bf8d69288fbee4904", true)]
    [InlineData(".git/index", true)]
    [InlineData("articles/.2021-03-record-labels.md.swp", true)]
    [InlineData("images/.DS_Store", true)]
    [InlineData("articles/2021-03-record-labels.md", false)]
    [InlineData("kinds.yml", false)]
    public void GitsAndEditorsOwnFiles_AreNoContentToImportFor(string relative, bool hidden)
    {
        var root = TempFolder.Create("content");

        Assert.Equal(hidden, ContentFolder.IsHidden(root, Path.Combine(root, relative)));
    }
}
