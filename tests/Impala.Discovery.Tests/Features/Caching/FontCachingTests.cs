using System.Net;
using System.Text.RegularExpressions;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// Fonts are kept a year, safely: each is asked for by the fingerprinted URL the build gives it (it changes with the
/// file), the layout preloads exactly the URL the stylesheet uses (else the browser downloads the font twice), and the
/// plain URL is never pinned for a year.
/// </summary>
public sealed partial class FontCachingTests(SiteFixture site)
{
    [Fact]
    public async Task PreloadedFonts_AreTheFingerprintedUrlsOfTheStylesheet()
    {
        var page = await site.GetPageAsync("/");
        var preloads = page.QuerySelectorAll("link[rel=preload][as=font]").Select(link => link.GetAttribute("href")!).ToList();
        var fontUrls = await FontUrlsAsync(page);

        Assert.Equal(2, preloads.Count);
        Assert.Equal(8, fontUrls.Count);
        Assert.All(fontUrls, url => Assert.Matches(FingerprintedFont(), url));
        Assert.All(preloads, preload => Assert.True(fontUrls.Contains(preload),
            $"the stylesheet must ask for {preload}, but names {string.Join(", ", fontUrls)}"));
    }

    [Fact]
    public async Task EveryFontTheStylesheetNames_IsImmutableForAYear()
    {
        foreach (var url in await FontUrlsAsync(await site.GetPageAsync("/")))
        {
            using var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/fonts/inter-400.woff2")]
    [InlineData("/fonts/inter-400.woff2?v=iQmQSrbIcuuZQJNIKoiijsos2VkS17b-zXIQOw3Aftw")] // the old hand-written fingerprint
    public async Task FontWithoutItsFingerprint_IsNotPinnedForAYear(string url)
    {
        using var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl.MaxAge <= TimeSpan.FromHours(1), $"kept {response.Headers.CacheControl.MaxAge}");
        Assert.NotNull(response.Headers.ETag);
    }

    /// <summary>The fonts the page's stylesheets name (the @font-face rules are in kinds.css, written at run time).</summary>
    private async Task<List<string>> FontUrlsAsync(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var urls = new List<string>();
        foreach (var href in page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!))
        {
            var stylesheet = await site.Client.GetStringAsync(href, TestContext.Current.CancellationToken);
            urls.AddRange(FontUrl().Matches(stylesheet).Select(match => match.Groups[1].Value));
        }

        return urls;
    }

    [GeneratedRegex(@"url\((/fonts/[^)]+\.woff2[^)]*)\)")]
    private static partial Regex FontUrl();

    [GeneratedRegex(@"^/fonts/[a-z-]+-[47]00\.[a-z0-9]+\.woff2$")]
    private static partial Regex FingerprintedFont();
}
