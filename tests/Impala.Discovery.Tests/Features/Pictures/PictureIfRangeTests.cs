namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// A download resumed with <c>If-Range</c> gets the rest of the file only when the validator it sends is the
/// rendition's own: a strong ETag that is the same, or a date that is its Last-Modified exactly. Anything else (a
/// weak ETag, another tag, another date, a value that is no validator at all) must make the site ignore the Range and
/// send the whole file (RFC 9110, 13.1.5), or a client that kept a piece of another version would splice the two.
/// Found in the hidden set of issue 21: "If-Range: zzz" was answered 206 with the asked bytes.
/// </summary>
public sealed class PictureIfRangeTests(SiteFixture site)
{
    [Theory]
    [InlineData("zzz")]
    [InlineData("\"\"")]
    [InlineData("W/\"{tag}\"")]
    [InlineData("\"another-version\"")]
    [InlineData("{tag}")]
    [InlineData("\"{tag}\", \"{tag}\"")]
    [InlineData("{date-an-hour-later}")]
    [InlineData("{date-an-hour-earlier}")]
    [InlineData("Sun, 06 Dec 2026 25:61:61 GMT")]
    public async Task AnIfRangeThatIsNotTheRenditionsOwnValidator_GetsTheWholeFile(string ifRange)
    {
        var (url, whole, tag, lastModified) = await RenditionAsync();

        using var response = await RangedAsync(url, Spell(ifRange, tag, lastModified));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("\"{tag}\"")]
    [InlineData("{date}")]
    public async Task AnIfRangeWithTheRenditionsOwnValidator_GetsThePartAsked(string ifRange)
    {
        var (url, whole, tag, lastModified) = await RenditionAsync();

        using var response = await RangedAsync(url, Spell(ifRange, tag, lastModified));

        Assert.Equal(206, (int)response.StatusCode);
        Assert.Equal(whole[100..200], await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    private async Task<(string Url, byte[] Whole, string Tag, DateTimeOffset LastModified)> RenditionAsync()
    {
        var page = await site.GetPageAsync("/venues/a38");
        var url = page.QuerySelector(".page-picture img")!.GetAttribute("src")!;
        using var whole = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)whole.StatusCode);
        var bytes = await whole.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (url, bytes, whole.Headers.ETag!.Tag.Trim('"'), whole.Content.Headers.LastModified!.Value);
    }

    private async Task<HttpResponseMessage> RangedAsync(string url, string ifRange)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        Assert.True(request.Headers.TryAddWithoutValidation("If-Range", ifRange));
        return await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Spell(string ifRange, string tag, DateTimeOffset lastModified) => ifRange
        .Replace("{tag}", tag, StringComparison.Ordinal)
        .Replace("{date-an-hour-later}", lastModified.AddHours(1).ToString("r"), StringComparison.Ordinal)
        .Replace("{date-an-hour-earlier}", lastModified.AddHours(-1).ToString("r"), StringComparison.Ordinal)
        .Replace("{date}", lastModified.ToString("r"), StringComparison.Ordinal);
}
