using System.Net;
using System.Net.Http.Headers;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>Validators, 304s and Cache-Control as a browser or a shared cache sees them, over the frozen fixture.</summary>
public sealed class HttpCachingTests(SiteFixture site)
{
    private async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        return await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/labels?country=denmark")]
    [InlineData("/series/record-labels")]
    [InlineData("/search?q=jazz")]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/css/kinds.css")]
    public async Task RenderedAnswer_CarriesETagLastModifiedAndPublicCacheControl(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag.IsWeak);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.MaxAge > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/feed.xml")]
    public async Task PublicAnswer_AndIts304_TellNginxToKeepItUntilTheEndOfThisSecond(string path)
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var page = await GetAsync(path);
        using var notModified = await GetAsync(path, headers => headers.IfNoneMatch.Add(page.Headers.ETag!));
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        foreach (var response in new[] { page, notModified })
        {
            var second = long.Parse(Assert.Single(response.Headers.GetValues("X-Accel-Expires")).TrimStart('@'), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(second, before, after);
        }
    }

    [Theory]
    [InlineData("/labels/no-such-label")]
    [InlineData("/health/ready")]
    [InlineData("/content-status")]
    public async Task ErrorPrivateOrHealthAnswer_LeavesNginxToItsOwnRules(string path)
    {
        using var response = await GetAsync(path);

        Assert.False(response.Headers.Contains("X-Accel-Expires"), $"{path} answered {response.StatusCode} with X-Accel-Expires");
    }

    [Fact]
    public async Task Page_IsKeptFiveMinutesByDefault()
    {
        using var response = await GetAsync("/labels/ninja-tune");

        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/feed.xml", 900)]
    [InlineData("/sitemap.xml", 3600)]
    [InlineData("/robots.txt", 86400)]
    public async Task FeedSitemapAndRobots_AreKeptForTheirOwnTime(string path, int seconds)
    {
        using var response = await GetAsync(path);

        Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.CacheControl!.MaxAge);
    }

    [Theory]
    [InlineData("/labels/ninja-tune")]
    [InlineData("/labels?decade=1990s")]
    [InlineData("/feed.xml")]
    [InlineData("/css/kinds.css")]
    public async Task MatchingIfNoneMatch_Answers304WithNoBody(string path)
    {
        using var first = await GetAsync(path);
        var tag = first.Headers.ETag!;

        using var again = await GetAsync(path, headers => headers.IfNoneMatch.Add(tag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IfNoneMatch_ComparesWeaklyAndReadsLists()
    {
        using var first = await GetAsync("/labels/ninja-tune");
        var tag = first.Headers.ETag!.Tag;

        using var weak = await GetAsync("/labels/ninja-tune", headers => headers.TryAddWithoutValidation("If-None-Match", $"W/{tag}"));
        using var list = await GetAsync("/labels/ninja-tune", headers => headers.TryAddWithoutValidation("If-None-Match", $"\"older\", {tag}, W/\"other\""));

        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, list.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatchStar_OnAKeptPage_Answers304()
    {
        using var first = await GetAsync("/about");

        using var star = await GetAsync("/about", headers => headers.TryAddWithoutValidation("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.NotModified, star.StatusCode);
    }

    [Fact]
    public async Task OtherPagesTagOrAnOldOne_GetsTheFullPage()
    {
        using var other = await GetAsync("/labels/pias");

        using var response = await GetAsync("/labels/ninja-tune", headers => headers.IfNoneMatch.Add(other.Headers.ETag!));
        using var made_up = await GetAsync("/labels/ninja-tune", headers => headers.TryAddWithoutValidation("If-None-Match", "\"0123456789abcdef-0123456789abcdef\""));

        Assert.NotEqual(other.Headers.ETag, response.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, made_up.StatusCode);
    }

    [Fact]
    public async Task QueryKeysThePageReads_MakeTheirOwnTag_OthersDoNot()
    {
        using var plain = await GetAsync("/labels");
        using var tracked = await GetAsync("/labels?utm_source=newsletter");
        using var filtered = await GetAsync("/labels?country=denmark");

        Assert.Equal(plain.Headers.ETag, tracked.Headers.ETag);
        Assert.NotEqual(plain.Headers.ETag, filtered.Headers.ETag);
    }

    [Fact]
    public async Task IfModifiedSince_NotBeforeLastModified_Answers304_EarlierGetsThePage()
    {
        using var first = await GetAsync("/countries");
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = await GetAsync("/countries", headers => headers.IfModifiedSince = lastModified);
        using var earlier = await GetAsync("/countries", headers => headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatchThatDiffers_WinsOverAMatchingIfModifiedSince()
    {
        using var first = await GetAsync("/countries");

        using var response = await GetAsync("/countries", headers =>
        {
            headers.IfModifiedSince = first.Content.Headers.LastModified;
            headers.TryAddWithoutValidation("If-None-Match", "\"something-else\"");
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/labels/no-such-label", HttpStatusCode.NotFound)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/health/ready", HttpStatusCode.OK)]
    public async Task ErrorPagesAndHealth_CarryNoValidators(string path, HttpStatusCode status)
    {
        using var response = await GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.Null(response.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/bad%01path", HttpStatusCode.BadRequest)] // a 400 page is kept by the page cache: asked twice, the second comes from it
    public async Task ErrorPage_IsNeverAnswered304(string path, HttpStatusCode status)
    {
        foreach (var _ in new[] { 1, 2 })
        {
            using var response = await GetAsync(path, headers =>
            {
                headers.TryAddWithoutValidation("If-None-Match", "*");
                headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
            });

            Assert.Equal(status, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/labels/does-not-exist", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/labels?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/labels?page=99", HttpStatusCode.NotFound)]
    [InlineData("/labels?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/cards/labels//ninja-tune.png", HttpStatusCode.NotFound)]
    public async Task ConditionalRequest_OnlyEverTurnsA200IntoA304(string path, HttpStatusCode status)
    {
        using var first = await GetAsync(path);
        var validators = new Action<HttpRequestHeaders>[]
        {
            headers => headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1),
            headers => headers.TryAddWithoutValidation("If-None-Match", "*"),
            headers => headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag?.Tag ?? "\"x\""),
        };

        foreach (var validator in validators)
        {
            using var response = await GetAsync(path, validator);

            Assert.Equal(status, response.StatusCode);
            Assert.Null(response.Headers.ETag);
        }

        Assert.Equal(status, first.StatusCode);
    }

    [Fact]
    public async Task FingerprintedStylesheets_AreImmutableForAYear_AnyOtherAddressIsNot()
    {
        var page = await site.GetPageAsync("/");
        var hrefs = page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).ToList();
        var siteCss = Assert.Single(hrefs, href => href.StartsWith("/css/site.", StringComparison.Ordinal));
        var kindsCss = Assert.Single(hrefs, href => href.StartsWith("/css/kinds.css?v=", StringComparison.Ordinal));
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", siteCss);

        foreach (var href in new[] { siteCss, kindsCss })
        {
            using var fingerprinted = await GetAsync(href);
            Assert.Equal(TimeSpan.FromDays(365), fingerprinted.Headers.CacheControl!.MaxAge);
            Assert.Contains("immutable", fingerprinted.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        }

        foreach (var other in new[] { "/css/site.css", "/css/site.css?v=not-the-fingerprint", "/css/kinds.css", "/css/kinds.css?v=not-the-fingerprint" })
        {
            using var response = await GetAsync(other);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task KindsStylesheetFingerprint_ChangesWithItsText()
    {
        var page = await site.GetPageAsync("/");
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href")!).Single(href => href.StartsWith("/css/kinds.css?v=", StringComparison.Ordinal));
        var css = await site.Client.GetStringAsync(href, TestContext.Current.CancellationToken);

        // The fingerprint is the text's: what a browser kept a year under this address is what it would fetch today.
        Assert.Equal(href["/css/kinds.css?v=".Length..], Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)))[..16].ToLowerInvariant());
        Assert.Contains(".kind-labels { --kind: ", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFile_HasATagPerEncoding_AndEachGets304()
    {
        var tags = new List<EntityTagHeaderValue>();
        foreach (var encoding in new[] { "identity", "br", "gzip" })
        {
            using var first = await GetAsync("/css/site.css", headers => headers.TryAddWithoutValidation("Accept-Encoding", encoding));
            tags.Add(first.Headers.ETag!);

            using var again = await GetAsync("/css/site.css", headers =>
            {
                headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                headers.IfNoneMatch.Add(first.Headers.ETag!);
            });

            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task FaviconIco_IsAnIcon()
    {
        using var response = await GetAsync("/favicon.ico");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // the ICO header: reserved 0, type 1 (icon)
        Assert.True(BitConverter.ToUInt16(bytes, 4) >= 1, "at least one image");
    }
}
