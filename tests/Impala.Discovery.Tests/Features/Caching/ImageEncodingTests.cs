namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// PNG and WebP pictures drawn by the site (cards, badges, list artwork) are compressed already and sent as they are,
/// whatever Accept-Encoding says: one drawing, one ETag, so that a browser or a proxy that asked with another encoding
/// revalidates into a 304 instead of fetching the same bytes again (and the server does not draw each one three times).
/// </summary>
public sealed class ImageEncodingTests(SiteFixture site)
{
    [Theory]
    [InlineData("/cards/labels/ninja-tune.png")]
    [InlineData("/cards/series/record-labels.png")]
    [InlineData("/badge/labels/ninja-tune.png")]
    [InlineData("/artwork/labels/ninja-tune.webp")]
    public async Task ADrawnPicture_AskedWithEachEncoding_IsTheSameBytesUnderOneETag(string path)
    {
        var answers = new List<(string? ETag, byte[] Body)>();
        foreach (var encoding in new[] { "br", "gzip", null })
        {
            using var response = await GetAsync(path, encoding, ifNoneMatch: null);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            answers.Add((response.Headers.ETag?.Tag, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        }

        Assert.Single(answers.Select(answer => answer.ETag).Distinct());
        Assert.All(answers, answer => Assert.Equal(answers[0].Body, answer.Body));

        // A browser's copy fetched with Brotli offered, revalidated by a client that offers none.
        using var revalidated = await GetAsync(path, acceptEncoding: null, ifNoneMatch: answers[0].ETag);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
