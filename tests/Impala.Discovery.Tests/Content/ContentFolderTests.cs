using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>The folder keeps what it read, but never at the cost of missing an editor's change.</summary>
public sealed class ContentFolderTests
{
    [Fact]
    public void ReadArticles_SameLengthEditRightAfterARead_IsSeen()
    {
        var root = TempFolder.Create("folder");
        var articles = Directory.CreateDirectory(Path.Combine(root, ContentFolder.ArticlesFolderName)).FullName;
        var path = Path.Combine(articles, "2021-01-a.md");
        var folder = new ContentFolder(root);
        File.WriteAllText(path, "City: London");
        folder.ReadArticles();

        File.WriteAllText(path, "City: Londen");
        var (files, _) = folder.ReadArticles();

        Assert.Equal("City: Londen", Assert.Single(files).Text);
    }

    /// <summary>
    /// A deploy that links the content path to each new release (found by replay 6): the releases' files have one fixed
    /// time (a reproducible build, cp -a), and a fix of one letter keeps the size. No file event comes from the new
    /// release, which is not watched yet; the next read must read it all the same.
    /// </summary>
    [Fact]
    public void ReadArticles_AnotherReleaseLinkedInUnderTheSamePath_IsRead_ThoughItsFilesHaveTheSameSizesAndTimes()
    {
        var releases = TempFolder.Create("releases");
        var current = Path.Combine(releases, "current");
        Directory.CreateSymbolicLink(current, Release("1", "City: London"));
        var folder = new ContentFolder(current);
        folder.ReadArticles();

        File.Delete(current);
        Directory.CreateSymbolicLink(current, Release("2", "City: Londen"));
        var (files, _) = folder.ReadArticles();

        Assert.Equal("City: Londen", Assert.Single(files).Text);

        string Release(string name, string text)
        {
            var articles = Directory.CreateDirectory(Path.Combine(releases, name, ContentFolder.ArticlesFolderName)).FullName;
            var path = Path.Combine(articles, "2021-01-a.md");
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            return Path.Combine(releases, name);
        }
    }

    [Fact]
    public void ReadArticles_FileReplacedByAnUnreadableOne_IsRefusedNotServedFromMemory()
    {
        var root = TempFolder.Create("folder");
        var articles = Directory.CreateDirectory(Path.Combine(root, ContentFolder.ArticlesFolderName)).FullName;
        var path = Path.Combine(articles, "2021-01-a.md");
        var folder = new ContentFolder(root);
        File.WriteAllText(path, "text");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        folder.ReadArticles();

        File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x41]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        var (files, errors) = folder.ReadArticles();

        Assert.Empty(files);
        Assert.Single(errors);
    }
}
