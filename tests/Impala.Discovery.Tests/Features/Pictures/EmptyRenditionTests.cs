using System.Net;
using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// A rendition's file can be left empty by a power cut (the rename reached the disk, its bytes did not) or by a copy
/// of the folder cut short. Its address is cached for a year by every browser, so serving it empty once would show a
/// broken picture for a year: an empty file is made again, as if it were not there.
/// </summary>
public sealed class EmptyRenditionTests
{
    [Fact]
    public async Task AnEmptyRenditionFile_IsMadeAgain_NotServedEmpty()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetStringAsync("/venues/a38", TestContext.Current.CancellationToken));
        var url = page.QuerySelector(".entry header .page-picture img")!.GetAttribute("src")!;
        var made = await client.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        var file = Path.Combine(factory.DatabaseFolder, RenditionCache.FolderName, url.Split('/')[2], url.Split('/')[3]);
        File.WriteAllBytes(file, []);

        using var again = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(made, await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(made, File.ReadAllBytes(file));
    }
}
