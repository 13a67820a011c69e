using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// Artwork is linked at the content version a page was rendered from (?v=), an address a browser may keep a year;
/// an address without it draws all the same and is kept a day; an older version still named by a page in someone's
/// cache, or a made-up one, is redirected to the current version rather than drawn and kept at an address of its own.
/// </summary>
public sealed class ArtworkVersionTests(SiteFixture site)
{
    private const string OneYearImmutable = "public, max-age=31536000, immutable";
    private const string OneDay = "public, max-age=86400";

    [Fact]
    public async Task EveryPageLinkingArtwork_LinksItAtOneVersion_ThatIsImmutable_WhileOtherAddressesAreKeptADay()
    {
        var links = new List<string>();
        foreach (var path in new[] { "/", "/series", "/series/record-labels", "/labels", "/labels/ninja-tune", "/embed/labels/ninja-tune" })
        {
            var page = await site.GetPageAsync(path);
            links.AddRange(page.QuerySelectorAll("img[src^='/artwork/']").Select(image => image.GetAttribute("src")!));
        }

        Assert.NotEmpty(links);
        var version = Assert.Single(links.Select(link => VersionOf(link)).Distinct());
        Assert.Matches("^[0-9a-f]{16}$", version);
        var linked = $"/artwork/labels/ninja-tune.svg?v={version}";
        Assert.Contains(linked, links);

        using var fingerprinted = await site.Client.GetAsync(linked, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        Assert.Equal("image/svg+xml", fingerprinted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OneYearImmutable, fingerprinted.Headers.CacheControl?.ToString());
        var drawing = await fingerprinted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var madeUp = await site.Client.GetAsync("/artwork/labels/ninja-tune.svg?v=0123456789abcdef", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, madeUp.StatusCode);
        Assert.Equal(linked, madeUp.Headers.Location?.OriginalString);
        foreach (var other in new[] { "/artwork/labels/ninja-tune.svg", "/artwork/labels/ninja-tune.svg?v=" })
        {
            using var response = await site.Client.GetAsync(other, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(OneDay, response.Headers.CacheControl?.ToString());
            Assert.Equal(drawing, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        // Lists show the raster of the same drawing, at the same version and as long.
        var raster = $"/artwork/labels/ninja-tune.webp?v={version}";
        Assert.Contains(raster, links);
        using var rasterResponse = await site.Client.GetAsync(raster, TestContext.Current.CancellationToken);
        Assert.Equal("image/webp", rasterResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OneYearImmutable, rasterResponse.Headers.CacheControl?.ToString());

        // The version is no key to a page that does not exist.
        using var missing = await site.Client.GetAsync($"/artwork/labels/no-such-label.svg?v={version}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ImportThatChangesTheContent_MovesTheLinksToTheNewVersion_AndTheOldLinkLeadsToIt()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var validators = factory.Services.GetRequiredService<ContentValidators>();
        var before = await ArtworkLinkAsync(client, "/labels/ninja-tune");
        Assert.Equal((await validators.CurrentAsync(TestContext.Current.CancellationToken)).Version, VersionOf(before));

        var path = Path.Combine(content, "articles", "2021-03-record-labels.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))
            .Replace("- **City:** London", "- **City:** Brixton", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);
        var after = await ArtworkLinkAsync(client, "/labels/ninja-tune");

        Assert.NotEqual(VersionOf(before), VersionOf(after));
        Assert.Equal((await validators.CurrentAsync(TestContext.Current.CancellationToken)).Version, VersionOf(after));
        Assert.Equal(after.Replace(".svg?", ".webp?", StringComparison.Ordinal), await ArtworkLinkAsync(client, "/labels"));
        using var current = await client.GetAsync(after, TestContext.Current.CancellationToken);
        Assert.Equal(OneYearImmutable, current.Headers.CacheControl?.ToString());
        using var noRedirects = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var old = await noRedirects.GetAsync(before, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, old.StatusCode);
        Assert.Equal(after, old.Headers.Location?.OriginalString);
    }

    private static string VersionOf(string link)
    {
        var query = new Uri(new Uri("http://localhost"), link).Query;
        Assert.StartsWith("?v=", query);
        return query["?v=".Length..];
    }

    private static async Task<string> ArtworkLinkAsync(HttpClient client, string path)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync(path, TestContext.Current.CancellationToken));
        return page.QuerySelectorAll("img[src^='/artwork/labels/ninja-tune.']").Select(image => image.GetAttribute("src")!).First();
    }
}
