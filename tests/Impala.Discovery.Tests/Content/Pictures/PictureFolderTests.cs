using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Tests.Content.Pictures;

/// <summary>What the pictures folder keeps of the pictures it checked, and when it must look again.</summary>
public sealed class PictureFolderTests
{
    /// <summary>
    /// A deploy that links the content path to each new release (found by replay 6, as for articles): a picture
    /// replaced by one of the same size, under one fixed file time, is checked again, so its page names the new one.
    /// </summary>
    [Fact]
    public void APictureOfAnotherReleaseLinkedInUnderTheSamePath_IsCheckedAgain_ThoughItHasTheSameSizeAndTime()
    {
        var releases = TempFolder.Create("releases");
        var current = Path.Combine(releases, "current");
        Directory.CreateSymbolicLink(current, Release("1", orientation: 1));
        var folder = new PictureFolder(current);
        folder.ForgetIfSwapped();
        var first = folder.Check("images/a.jpg").Picture!;

        File.Delete(current);
        Directory.CreateSymbolicLink(current, Release("2", orientation: 6));
        folder.ForgetIfSwapped();
        var second = folder.Check("images/a.jpg").Picture!;

        Assert.NotEqual(first.Hash, second.Hash);

        string Release(string name, ushort orientation)
        {
            var images = Directory.CreateDirectory(Path.Combine(releases, name, PictureRules.Folder)).FullName;
            var path = Path.Combine(images, "a.jpg");
            File.WriteAllBytes(path, TestPictures.WithOrientation(TestPictures.Jpeg(800, 400), orientation));
            File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            return Path.Combine(releases, name);
        }
    }
}
