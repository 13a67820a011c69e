using System.Net;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>A page is cached once, whatever made-up query keys it is asked with; the keys it reads still make their own pages.</summary>
public sealed class PageCacheTests(SiteFixture site)
{
    private static string Unique() => Guid.NewGuid().ToString("N");

    private async Task<bool> IsServedFromCacheAsync(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page cache sends Age on the answers it stored earlier.
        return response.Headers.Age is not null;
    }

    [Theory]
    [InlineData("/about?utm_source={0}")]
    [InlineData("/labels?x={0}")]
    [InlineData("/labels?country=denmark&ref={0}")]
    [InlineData("/labels/ninja-tune?q={0}")]
    [InlineData("/?country={0}")]
    public async Task QueryKeyThePageDoesNotRead_SharesTheCachedPage(string template)
    {
        await IsServedFromCacheAsync(string.Format(template, Unique()));

        Assert.True(await IsServedFromCacheAsync(string.Format(template, Unique())));
    }

    [Theory]
    [InlineData("/search?q={0}")]
    [InlineData("/search?Q={0}")]
    public async Task QueryKeyThePageReads_MakesItsOwnPage(string template)
    {
        var first = string.Format(template, Unique());
        await IsServedFromCacheAsync(first);

        Assert.False(await IsServedFromCacheAsync(string.Format(template, Unique())));
        Assert.True(await IsServedFromCacheAsync(first));
    }

    [Fact]
    public async Task FilteredPages_AreNotServedEachOthersCachedPage()
    {
        var headings = new List<string>();
        foreach (var path in new[] { "/labels?decade=1990s", "/labels?decade=2000s", "/labels?DECADE=1990s&country=denmark", "/labels?country=denmark" })
        {
            headings.Add((await site.GetPageAsync(path)).QuerySelector("h1")!.TextContent.Trim());
        }

        Assert.Equal(headings.Count, headings.Distinct().Count());
    }
}
