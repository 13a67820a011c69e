namespace Impala.Discovery.Tests.Features;

public sealed class SearchTests(SiteFixture site)
{
    [Fact]
    public async Task Search_FindsEntriesByWordsInTheirProse()
    {
        var page = await site.GetPageAsync("/search?q=coldcut");

        Assert.Equal("Ninja Tune", page.Texts(".result-name")[0]);
    }

    [Fact]
    public async Task Search_IgnoresAccentsAndCase()
    {
        var page = await site.GetPageAsync("/search?q=VTMO");

        Assert.Contains("VTMÖ", page.Texts(".result-name"));
    }

    [Fact]
    public async Task Search_MatchesWordBeginnings()
    {
        var page = await site.GetPageAsync("/search?q=berg");

        Assert.Contains("Berghain", page.Texts(".result-name"));
    }

    [Fact]
    public async Task Search_WithoutResults_SaysSoAndOffersWaysOn()
    {
        var page = await site.GetPageAsync("/search?q=zzzzqqq");

        Assert.Empty(page.QuerySelectorAll(".search-result"));
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

    [Fact]
    public async Task Search_ShowsASnippetWithTheMatchedWordsMarked()
    {
        var page = await site.GetPageAsync("/search?q=jazz");

        var ecm = page.QuerySelectorAll(".search-result").Single(result => result.QuerySelector(".result-name")!.TextContent == "ECM");
        Assert.Contains("famous above all for its jazz catalogue", ecm.QuerySelector(".snippet")!.TextContent);
        Assert.Equal(["jazz"], ecm.QuerySelectorAll(".snippet mark").Select(mark => mark.TextContent));
    }

    [Fact]
    public async Task Search_GroupsResultsByKindWithCounts_BestKindFirst()
    {
        var page = await site.GetPageAsync("/search?q=jazz");

        Assert.Equal(["Labels (3)", "Venues (1)"], page.Texts(".search-group h3"));
        Assert.Equal(["Rune Grammofon", "ECM", "Preiser"], page.Texts(".search-group.kind-labels .result-name"));
        Assert.StartsWith("4 results", page.QuerySelector(".result-count")!.TextContent);
    }
}
