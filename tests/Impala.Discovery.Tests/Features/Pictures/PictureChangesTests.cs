using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// Pictures are content: a running site (watching a copy of the frozen content) follows a picture saved over the old
/// one, a refused picture put right, and a picture deleted, with no article file touched.
/// </summary>
public sealed partial class PictureChangesTests
{
    private const string A38 = "/venues/a38";

    [Fact]
    public async Task PictureSavedOverTheOldOne_IsShownUnderItsNewHash_WithoutTouchingTheArticle()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        var before = await PictureHashAsync(client);
        Assert.NotNull(before);

        var saved = Stopwatch.StartNew();
        await File.WriteAllBytesAsync(Path.Combine(content, "images", "a38.jpg"), TestPictures.Jpeg(1200, 800), TestContext.Current.CancellationToken);
        var after = await Eventually.WaitForAsync(() => PictureHashAsync(client), hash => hash is not null && hash != before, "the site following the picture");

        var shownAfter = saved.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"The new picture was on the page {shownAfter.TotalMilliseconds:0} ms after it was saved.");
        Assert.NotEqual(before, after);
        using var rendition = await client.GetAsync($"/pictures/{after}/720.jpg", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rendition.StatusCode);
        Assert.Equal((720, 480), TestPictures.SizeOf(await rendition.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task PictureRefusedAsTooSmall_ThenSavedAgainRight_IsAccepted_WithoutTouchingTheArticle()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var picture = Path.Combine(content, "images", "a38.jpg");
        File.WriteAllBytes(picture, TestPictures.Jpeg(120, 80));
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<ContentImporter>();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(A38, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Contains(importer.LastReport!.Errors, error => error.File.EndsWith("music-venues.md", StringComparison.Ordinal));

        await File.WriteAllBytesAsync(picture, TestPictures.Jpeg(1200, 800), TestContext.Current.CancellationToken);

        Assert.NotNull(await Eventually.WaitForAsync(() => PictureHashAsync(client), hash => hash is not null, "the site following the picture"));
        Assert.Empty(importer.LastReport!.Errors);
    }

    [Fact]
    public async Task PictureDeleted_IsAnErrorOnTheArticle_WhichKeepsItsLastGoodVersion()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<ContentImporter>();
        var before = await PictureHashAsync(client);

        File.Delete(Path.Combine(content, "images", "a38.jpg"));

        var report = await Eventually.WaitForAsync(() => Task.FromResult(importer.LastReport), last => last!.Errors.Any(error => error.Message.Contains("a38.jpg", StringComparison.Ordinal)), "the site following the picture");
        Assert.Contains(report!.Errors, error => error.File.EndsWith("music-venues.md", StringComparison.Ordinal));
        Assert.Equal(before, await PictureHashAsync(client));
    }

    // The hash in the address of the picture at the top of A38's page, or null when the page has none or is not there.
    internal static async Task<string?> PictureHashAsync(HttpClient client)
    {
        using var response = await client.GetAsync(A38, TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var source = page.QuerySelector(".entry header .page-picture img")?.GetAttribute("src");
        return source is null ? null : PictureHash().Match(source) is { Success: true } match ? match.Groups["hash"].Value : null;
    }

    [GeneratedRegex("/pictures/(?<hash>[0-9a-f]+)/")]
    private static partial Regex PictureHash();
}
