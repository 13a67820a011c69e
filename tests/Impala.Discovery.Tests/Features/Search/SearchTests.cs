namespace Impala.Discovery.Tests.Features.Search;

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

        Assert.Equal("VTMÖ", page.Texts(".result-name")[0]);
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
        Assert.Empty(page.QuerySelectorAll(".suggestion-links a"));
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
    public async Task Search_ShowsTheSentenceThatMatched_WithTheMatchedWordsMarked()
    {
        var page = await site.GetPageAsync("/search?q=jazz catalogue");

        var ecm = page.QuerySelectorAll(".search-result").Single(result => result.QuerySelector(".result-name")!.TextContent == "ECM");
        Assert.Contains("famous above all for its jazz catalogue", ecm.QuerySelector(".snippet")!.TextContent);
        Assert.Equal(["jazz", "catalogue"], ecm.QuerySelectorAll(".snippet mark").Select(mark => mark.TextContent));
    }

    [Fact]
    public async Task Search_ForAnArtist_ShowsTheFactThatNamesThem_WithTheNameMarked()
    {
        var page = await site.GetPageAsync("/search?q=Amon Tobin");

        var ninjaTune = page.QuerySelectorAll(".search-result").Single(result => result.QuerySelector(".result-name")!.TextContent == "Ninja Tune");
        Assert.Equal("Artists: DJ Food, Mr. Scruff, Amon Tobin", ninjaTune.QuerySelector(".snippet")!.TextContent);
        Assert.Equal(["Amon", "Tobin"], ninjaTune.QuerySelectorAll(".snippet mark").Select(mark => mark.TextContent));
    }

    [Fact]
    public async Task Search_RanksTheExactName_ThenNamesStartingSo_ThenProse()
    {
        var page = await site.GetPageAsync("/search?q=amon");

        var results = page.QuerySelectorAll(".search-result a.result-name").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(["/artists/amon-tobin", "/labels/ninja-tune"], results.Take(2));
        // "among" in prose ranks below every name, artist and fact that starts with "amon".
        Assert.All(page.QuerySelectorAll(".search-result").Skip(2),
            result => Assert.DoesNotContain(result.QuerySelectorAll(".snippet mark"), mark => mark.TextContent.Equals("amon", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Search_ForATypo_RanksTheExactNameOfTheCorrectionFirst()
    {
        var page = await site.GetPageAsync("/search?q=paradsio");

        Assert.Equal("/venues/paradiso", page.QuerySelector(".search-result a.result-name")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_SaysWhatEachResultIs()
    {
        var page = await site.GetPageAsync("/search?q=UK");

        var first = page.QuerySelector(".search-result")!;
        Assert.Equal("United Kingdom", first.QuerySelector(".result-name")!.TextContent);
        Assert.Equal("Country", first.QuerySelector(".result-type")!.TextContent);
        Assert.Contains("Venue", page.Texts(".result-type"));
    }

    [Fact]
    public async Task Search_WhenNotEveryWordMatches_SuggestsTheClosestNames()
    {
        var page = await site.GetPageAsync("/search?q=berghian zzzzqqq");

        Assert.Empty(page.QuerySelectorAll(".search-result"));
        Assert.Equal("/venues/berghain", page.QuerySelector(".suggestions .suggestion-links a")!.GetAttribute("href"));
        Assert.Contains("Did you mean", page.QuerySelector(".suggestions h3")!.TextContent);
    }
}
