using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// The watcher follows one folder: another folder swapped in under its name is watched afresh, while a file saved in
/// it is just a change. On Linux the folder's "creation time" moved with every file saved (found by the issue-21
/// sweep: each save of kinds.yml logged a swap and watched again).
/// </summary>
public sealed class FolderIdentityTests
{
    [Fact]
    public void FilesSavedAndDeletedInTheFolder_LeaveItTheSameFolder()
    {
        var folder = TempFolder.Create("identity");
        var before = FolderIdentity.Of(folder);

        File.WriteAllText(Path.Combine(folder, "kinds.yml"), "kinds: []\n");
        File.WriteAllText(Path.Combine(folder, "kinds.yml.tmp"), "kinds: []\n");
        File.Move(Path.Combine(folder, "kinds.yml.tmp"), Path.Combine(folder, "kinds.yml"), overwrite: true);
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        File.Delete(Path.Combine(folder, "kinds.yml"));

        Assert.NotNull(before);
        Assert.Equal(before, FolderIdentity.Of(folder));
    }

    [Fact]
    public void ACopyRenamedIntoItsPlace_IsAnotherFolder()
    {
        var parent = TempFolder.Create("identity");
        var content = Path.Combine(parent, "content");
        Directory.CreateDirectory(content);
        var before = FolderIdentity.Of(content);
        var fresh = Path.Combine(parent, "content-new");
        Directory.CreateDirectory(fresh);

        Directory.Move(content, Path.Combine(parent, "content-old"));
        Directory.Move(fresh, content);

        Assert.NotEqual(before, FolderIdentity.Of(content));
        Assert.Null(FolderIdentity.Of(Path.Combine(parent, "nothing-here")));
    }
}
