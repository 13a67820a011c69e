using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// While picture renditions cannot be written to their folder (a full disk, a folder the site may not write), pictures
/// are served from a bounded memory and made again when it runs short, outside the rate limit. Health said Healthy
/// meanwhile (found by sweep 7); it now says Degraded, and Healthy again once a rendition is kept on disk.
/// </summary>
public sealed class RenditionsHealthTests
{
    [Fact]
    public async Task RenditionsThatCannotBeKept_MakeHealthDegraded_UntilOneIsKeptAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var databaseFolder = TempFolder.Create("db");
        var blocker = Path.Combine(databaseFolder, RenditionCache.FolderName);
        File.WriteAllText(blocker, "a file where the folder should be");
        await using var factory = new DiscoveryFactory(databaseFolder: databaseFolder);
        using var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetStringAsync("/venues/a38", cancellationToken));
        var picture = page.QuerySelector(".entry header .page-picture img")!.GetAttribute("src")!;
        Assert.StartsWith("Healthy", await ReadyAsync(client));

        (await client.GetAsync(picture, cancellationToken)).Dispose();
        var whileRefused = await ReadyAsync(client);
        File.Delete(blocker);
        (await client.GetAsync(picture.Replace("/720.jpg", "/480.webp", StringComparison.Ordinal), cancellationToken)).Dispose();
        var afterwards = await ReadyAsync(client);

        Assert.StartsWith("Degraded", whileRefused);
        Assert.Contains("renditions: Degraded: Picture renditions cannot be kept in " + blocker, whileRefused);
        Assert.StartsWith("Healthy", afterwards);
    }

    private static async Task<string> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
