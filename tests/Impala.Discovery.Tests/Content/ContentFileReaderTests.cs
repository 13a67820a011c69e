using System.Text;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>What reaches the parser from disk: only regular UTF-8 text files inside the content folder, within the size cap.</summary>
public sealed class ContentFileReaderTests
{
    private readonly string _root = TempFolder.Create("reader");

    [Fact]
    public void Read_OrdinaryFile_ReturnsItsText()
    {
        var result = Read("a.md", "---\ntitle: Café\n");

        Assert.True(result.Succeeded);
        Assert.Equal("---\ntitle: Café\n", result.Value!.Text);
    }

    [Fact]
    public void Read_Latin1File_IsRefusedAtTheLineOfTheFirstBadByte()
    {
        var bytes = Encoding.Latin1.GetBytes("---\ntitle: ok\nsummary: Caf\u00e9 society\n");

        var error = Assert.Single(ReadBytes("a.md", bytes).Errors);

        Assert.Equal((3, 13), (error.Line, error.Column));
        Assert.Contains("not saved as UTF-8", error.Message);
        Assert.Contains("0xE9", error.Message);
    }

    [Fact]
    public void Read_NulInAHeading_IsRefusedWithItsLineAndColumn()
    {
        var error = Assert.Single(Read("a.md", "---\n---\n\n## Wa\0rp\n").Errors);

        Assert.Equal((4, 6), (error.Line, error.Column));
        Assert.Contains("NUL", error.Message);
    }

    [Theory]
    [InlineData('\u0007')]
    [InlineData('\u001B')]
    [InlineData('\u0085')]
    public void Read_ControlCharacter_IsRefused(char control)
    {
        var error = Assert.Single(Read("a.md", $"line one\nline{control}two\n").Errors);

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains($"U+{(int)control:X4}", error.Message);
    }

    [Fact]
    public void Read_TabsCrLfAndBom_AreOrdinaryText()
    {
        Assert.True(ReadBytes("a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a\tb\r\nc\r\n")]).Succeeded);
    }

    [Fact]
    public void Read_EmptyFile_IsRefused()
    {
        Assert.Contains("empty", Assert.Single(Read("a.md", "").Errors).Message);
    }

    [Fact]
    public void Read_FileOverTheCap_IsRefusedWithoutReadingIt()
    {
        var error = Assert.Single(Read("a.md", new string('x', ContentFileReader.MaxBytes + 1)).Errors);

        Assert.Contains("more than the 1,048,576 an article may have", error.Message);
    }

    [Fact]
    public void Read_Folder_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_root, "2021-04-x.md"));

        Assert.Contains("folder", Assert.Single(ReadExisting("2021-04-x.md").Errors).Message);
    }

    [Fact]
    public void Read_NamedPipe_IsRefusedWithoutBlocking()
    {
        Shell.Run("mkfifo", Path.Combine(_root, "pipe.md"));

        Assert.Contains("not a regular file", Assert.Single(ReadExisting("pipe.md").Errors).Message);
    }

    [Fact]
    public void Read_LinkToADevice_IsNeverFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "zero.md"), "/dev/zero");

        Assert.Contains("outside the content folder", Assert.Single(ReadExisting("zero.md").Errors).Message);
    }

    [Fact]
    public void Read_DanglingLink_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "gone.md"), Path.Combine(_root, "nothing-here.md"));

        Assert.Contains("not a file", Assert.Single(ReadExisting("gone.md").Errors).Message);
    }

    [Fact]
    public void Read_LinkToAFolder_IsCalledALink()
    {
        // Found by sweep 6: "x.md -> ." was called a folder, which the editor looking at a file name could not find.
        Directory.CreateSymbolicLink(Path.Combine(_root, "folder.md"), ".");

        Assert.Contains("This is a link to '.', which is not a file", Assert.Single(ReadExisting("folder.md").Errors).Message);
    }

    [Fact]
    public void Read_LinkOutsideTheContentFolder_IsRefused()
    {
        var outside = Path.Combine(TempFolder.Create("outside"), "secret.md");
        File.WriteAllText(outside, "not for the site");
        File.CreateSymbolicLink(Path.Combine(_root, "secret.md"), outside);

        Assert.Contains("outside the content folder", Assert.Single(ReadExisting("secret.md").Errors).Message);
    }

    [Fact]
    public void Read_LinkToAFileInsideTheContentFolder_IsFollowed()
    {
        File.WriteAllText(Path.Combine(_root, "real.md"), "text");
        File.CreateSymbolicLink(Path.Combine(_root, "link.md"), "real.md");

        Assert.Equal("text", ReadExisting("link.md").Value!.Text);
    }

    [Fact]
    public void ReadArticles_FileNameThatIsNotUtf8_IsRefusedAndTheOthersAreRead()
    {
        var articles = Path.Combine(_root, ContentFolder.ArticlesFolderName);
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "2021-01-good.md"), "text");
        Shell.Run("sh", "-c", $"printf 'text' > \"{articles}/$(printf '2021-01-caf\\351.md')\"");

        var (files, errors) = new ContentFolder(_root).ReadArticles();

        Assert.Equal("articles/2021-01-good.md", Assert.Single(files).Path);
        Assert.Contains("not valid UTF-8", Assert.Single(errors).Message);
    }

    [Fact]
    public void ReadArticles_UpperCaseExtension_IsReadSoThatItsNameIsReported()
    {
        var articles = Path.Combine(_root, ContentFolder.ArticlesFolderName);
        Directory.CreateDirectory(articles);
        File.WriteAllText(Path.Combine(articles, "2021-01-shouting.MD"), "text");

        var (files, _) = new ContentFolder(_root).ReadArticles();

        Assert.Equal("articles/2021-01-shouting.MD", Assert.Single(files).Path);
    }

    private ParseResult<ContentFile> Read(string name, string text)
    {
        File.WriteAllText(Path.Combine(_root, name), text);
        return ReadExisting(name);
    }

    private ParseResult<ContentFile> ReadBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(_root, name), bytes);
        return ReadExisting(name);
    }

    private ParseResult<ContentFile> ReadExisting(string name) => ContentFileReader.Read(Path.Combine(_root, name), name, _root);

}
