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
