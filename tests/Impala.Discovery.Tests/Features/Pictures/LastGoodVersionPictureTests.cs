using System.Net;
using System.Text.RegularExpressions;
using Impala.Discovery.Tests.Features.Health;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// A refused article's last good version shows the pictures it was accepted with, whatever the files hold now (found by
/// replays 8 and 9): an editor's commit that mistypes a fact and replaces or deletes a picture. A running site kept the
/// version's picture address, but the renditions it had not made yet answered 404, a broken picture on a page served
/// 200; a new site showed the version without its picture, or with one whose renditions all answered 404. Both now
/// show the version's picture, its renditions made from the history's copy.
/// </summary>
public sealed partial class LastGoodVersionPictureTests
{
    private const string A38 = "/venues/a38";

    [Theory]
    [InlineData("replaced")]
    [InlineData("deleted")]
    public async Task ARefusedArticle_ShowsThePictureOfItsLastGoodVersion_EveryRenditionServed_OnALiveSiteAndANewOne(string change)
    {
        var repository = new TestRepository(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var liveCheckout = repository.Clone();
        await using var live = new DiscoveryFactory(liveCheckout.Content);
        using var liveClient = live.CreateClient();
        var shown = await PictureChangesTests.PictureHashAsync(liveClient);
        Assert.NotNull(shown);

        var venues = Path.Combine(repository.Content, "articles", "2021-02-music-venues.md");
        File.WriteAllText(venues, File.ReadAllText(venues).Replace("- **Opened:** 2003", "- **Opened:** last year", StringComparison.Ordinal));
        var picture = Path.Combine(repository.Content, "images", "a38.jpg");
        if (change == "replaced")
        {
            File.WriteAllBytes(picture, TestPictures.Jpeg(1200, 800));
        }
        else
        {
            File.Delete(picture);
        }

        repository.Commit($"A38's opening year mistyped, its picture {change}", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        liveCheckout.Git("pull", "-q", "--ff-only");
        var report = await live.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);
        Assert.Contains(report.Errors, error => error.File == "articles/2021-02-music-venues.md");
        await using var fresh = new DiscoveryFactory(repository.Clone().Content);
        using var freshClient = fresh.CreateClient();

        foreach (var (site, client) in new[] { ("the live site", liveClient), ("a new site", freshClient) })
        {
            Assert.True(await PictureChangesTests.PictureHashAsync(client) == shown, $"{site} shows another picture, or none");
            var renditions = PictureAddress().Matches(await client.PageAsync(A38)).Select(match => match.Value).Distinct().ToList();
            Assert.NotEmpty(renditions);
            foreach (var rendition in renditions)
            {
                var status = await client.StatusAsync(rendition);
                Assert.True(status == HttpStatusCode.OK, $"{site}: {rendition} answered {(int)status}");
            }
        }
    }

    // Every rendition a page names: in <img src>, <source srcset>, og:image and the cards' art.
    [GeneratedRegex("/pictures/[0-9a-f]+/[a-z0-9]+\\.(?:webp|jpg)")]
    private static partial Regex PictureAddress();
}
