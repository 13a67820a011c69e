using System.Net;
using System.Text.RegularExpressions;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// Fonts are kept a year, safely: each is asked for by a fingerprinted URL that changes with the file, the layout
/// preloads exactly the URL the stylesheet uses (else the browser downloads the font twice), and only the current
/// fingerprint is immutable.
/// </summary>
public sealed partial class FontCachingTests(SiteFixture site)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    [Fact]
    public async Task PreloadedFonts_AreTheFingerprintedUrlsOfTheStylesheet()
    {
        var page = await site.GetPageAsync("/");
        var preloads = page.QuerySelectorAll("link[rel=preload][as=font]").Select(link => link.GetAttribute("href")!).ToList();
        var stylesheet = await site.Client.GetStringAsync(page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!)
            .Single(href => href.StartsWith("/css/site.css", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        var fontUrls = FontUrl().Matches(stylesheet).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(2, preloads.Count);
        Assert.Equal(8, fontUrls.Count);
        Assert.All(preloads, preload => Assert.Contains("?v=", preload, StringComparison.Ordinal));
        // The layout's fingerprint is computed from the file; site.css writes it by hand and must say the same.
        Assert.All(preloads, preload => Assert.True(fontUrls.Contains(preload),
            $"site.css must ask for {preload} (the font file changed: write its new ?v= in site.css), but names {string.Join(", ", fontUrls)}"));
    }

    [Fact]
    public async Task EveryFontTheStylesheetNames_IsImmutableForAYear()
    {
        var stylesheet = await site.Client.GetStringAsync("/css/site.css", TestContext.Current.CancellationToken);

        foreach (var url in FontUrl().Matches(stylesheet).Select(match => match.Groups[1].Value))
        {
            using var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
            Assert.True(Immutable == response.Headers.CacheControl?.ToString(),
                $"{url} is cached '{response.Headers.CacheControl}': its ?v= in site.css is not the file's fingerprint (see the preload links in _Layout.cshtml)");
        }
    }

    [Theory]
    [InlineData("/fonts/inter-400.woff2")]
    [InlineData("/fonts/inter-400.woff2?v=iQmQSrbIcuuZQJNIKoiijsos2VkS17b-zXIQOw3Aftx")]
    [InlineData("/fonts/inter-400.woff2?v=b1ZAn9PWS7hffQcLziB0nbLWa21jzsWGzCLRx2G-JJE")] // inter-700's fingerprint
    public async Task FontWithoutItsCurrentFingerprint_IsNotPinnedForAYear(string url)
    {
        using var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl.MaxAge);
    }

    [GeneratedRegex(@"url\((/fonts/[^)]+\.woff2[^)]*)\)")]
    private static partial Regex FontUrl();
}
