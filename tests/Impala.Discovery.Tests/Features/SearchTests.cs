namespace Impala.Discovery.Tests.Features;

public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task Search_FindsEntriesByWordsInTheirProse()
    {
        var page = await site.GetPageAsync("/search?q=coldcut");

        Assert.Equal("Ninja Tune", page.Texts(".card-name")[0]);
    }

    [Fact]
    public async Task Search_IgnoresAccentsAndCase()
    {
        var page = await site.GetPageAsync("/search?q=VTMO");

        Assert.Contains("VTMÖ", page.Texts(".card-name"));
    }

    [Fact]
    public async Task Search_MatchesWordBeginnings()
    {
        var page = await site.GetPageAsync("/search?q=berg");

        Assert.Contains("Berghain", page.Texts(".card-name"));
    }

    [Fact]
    public async Task Search_WithoutResults_SaysSoAndOffersWaysOn()
    {
        var page = await site.GetPageAsync("/search?q=zzzzqqq");

        Assert.Empty(page.QuerySelectorAll(".card"));
        Assert.Contains("0 results", page.QuerySelector(".result-count")!.TextContent);
        Assert.NotNull(page.QuerySelector(".empty a[href='/series']"));
    }

    [Fact]
    public async Task Search_WithoutQuery_ShowsTheFormOnly()
    {
        var page = await site.GetPageAsync("/search");

        Assert.NotNull(page.QuerySelector("#search-query"));
        Assert.Null(page.QuerySelector(".result-count"));
    }
}
