using System.Diagnostics;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Content.Addresses;

/// <summary>
/// A process killed outright (kill -9) left its copy of a commit's content in the temporary folder, one per crash
/// (issue 21): the next process deletes what processes that are gone left.
/// </summary>
public sealed class ScratchFolderTests
{
    [Fact]
    public async Task AFolderLeftByAKilledProcess_IsDeleted_WhileOneOfALiveProcessStays()
    {
        using var killed = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        killed.Kill();
        await killed.WaitForExitAsync(TestContext.Current.CancellationToken);
        var leftover = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"impala-base-{killed.Id}-{Guid.NewGuid():N}"));
        File.WriteAllText(Path.Combine(leftover.FullName, "kinds.yml"), "kinds: []\n");
        var ours = ScratchFolder.Create("impala-base");
        try
        {
            ScratchFolder.DeleteLeftovers("impala-base");

            Assert.False(Directory.Exists(leftover.FullName), "the folder of the killed process is still there");
            Assert.True(Directory.Exists(ours.FullName), "the folder of a running process was deleted");
        }
        finally
        {
            ours.Delete(recursive: true);
            if (Directory.Exists(leftover.FullName))
            {
                leftover.Delete(recursive: true);
            }
        }
    }
}
