using System.IO.Compression;
using System.Net;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>Brotli and gzip where the browser asks for them, the same bytes once decoded, and never on private pages.</summary>
public sealed class CompressionTests(SiteFixture site)
{
    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private static byte[] Decode(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "br")]
    [InlineData("/labels/ninja-tune", "gzip")]
    [InlineData("/series/record-labels", "br")]
    [InlineData("/feed.xml", "gzip")]
    [InlineData("/sitemap.xml", "br")]
    [InlineData("/css/kinds.css", "br")]
    [InlineData("/css/site.css", "br")]
    [InlineData("/css/site.css", "gzip")]
    [InlineData("/img/favicon.svg", "gzip")]
    public async Task CompressedAnswer_DecodesToTheUncompressedBytes(string path, string encoding)
    {
        var (plain, plainBody) = await GetAsync(path, null);
        var (compressed, compressedBody) = await GetAsync(path, encoding);
        // Asked again: the second is the copy the page cache kept, compressed once.
        var (kept, keptBody) = await GetAsync(path, encoding);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.True(compressedBody.Length < plainBody.Length, $"{compressedBody.Length} bytes compressed, {plainBody.Length} plain");
        Assert.Equal(plainBody, Decode(encoding, compressedBody));
        Assert.Equal(plainBody, Decode(encoding, keptBody));
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        plain.Dispose();
        compressed.Dispose();
        kept.Dispose();
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.9", "gzip")]
    [InlineData("*", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task PreferredEncoding_IsTheOneTheBrowserRanksHighest(string acceptEncoding, string expected)
    {
        var (response, _) = await GetAsync("/about", acceptEncoding);

        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        response.Dispose();
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("deflate")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task NoEncodingWeSpeak_GetsThePlainPage(string acceptEncoding)
    {
        var (response, _) = await GetAsync("/about", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        response.Dispose();
    }

    // RFC 9110 12.5.3: q=0 means "not acceptable", for a coding by name or for every coding not named (*).
    [Theory]
    [InlineData("/about", "br;q=0", "")]
    [InlineData("/about", "gzip;q=0", "")]
    [InlineData("/about", "*;q=0", "")]
    [InlineData("/about", "identity;q=0", "")]
    [InlineData("/about", "BR; Q=0.000, gzip", "gzip")]
    [InlineData("/about", "br;q=0, *", "gzip")]
    [InlineData("/about", "*;q=0, gzip", "gzip")]
    [InlineData("/about", "gzip;q=0, br", "br")]
    [InlineData("/labels/ninja-tune", "br;q=0", "")]
    [InlineData("/feed.xml", "br;q=0, gzip;q=0", "")]
    [InlineData("/css/site.css", "br;q=0", "")]
    [InlineData("/css/site.css", "*;q=0, gzip", "gzip")]
    public async Task CodingRefusedWithQZero_IsNeverSent(string path, string acceptEncoding, string expected)
    {
        var (response, _) = await GetAsync(path, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, string.Join(",", response.Content.Headers.ContentEncoding));
        response.Dispose();
    }

    [Fact]
    public async Task EachEncoding_HasItsOwnETag_AndEachGets304()
    {
        var tags = new List<string>();
        foreach (var encoding in new string?[] { null, "br", "gzip" })
        {
            var (response, _) = await GetAsync("/countries", encoding);
            var tag = response.Headers.ETag!;
            tags.Add(tag.Tag);
            response.Dispose();

            using var request = new HttpRequestMessage(HttpMethod.Get, "/countries");
            request.Headers.IfNoneMatch.Add(tag);
            if (encoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }

            using var again = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }
}
