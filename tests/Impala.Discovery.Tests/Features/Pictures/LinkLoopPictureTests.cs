using System.Net;

namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// A published picture replaced, before its next import, by a symbolic link that leads round in a loop (an editor's
/// "link the new one in" gone wrong, or a sync tool that turns files into links): the system answers "too many
/// levels of symbolic links" when it is followed. Its renditions not made yet are then no longer there, as for a
/// picture deleted or saved over: a 404, not a server error on every request.
/// </summary>
public sealed class LinkLoopPictureTests
{
    [Fact]
    public async Task APictureReplacedByALinkLoop_ItsRenditionsNotMadeYet_Answer404_NotAServerError()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: false);
        using var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetStringAsync("/venues/a38", TestContext.Current.CancellationToken));
        var url = page.QuerySelector(".entry header .page-picture img")!.GetAttribute("src")!;

        var images = Path.Combine(content, "images");
        File.Delete(Path.Combine(images, "a38.jpg"));
        File.CreateSymbolicLink(Path.Combine(images, "a38.jpg"), "loop.jpg");
        File.CreateSymbolicLink(Path.Combine(images, "loop.jpg"), "a38.jpg");

        using var rendition = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, rendition.StatusCode);
    }
}
