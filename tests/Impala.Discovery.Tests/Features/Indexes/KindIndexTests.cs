namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>Kind indexes over the frozen fixture: reading order, year order, genre filter, timeline lines, refusals.</summary>
public sealed class KindIndexTests(SiteFixture site)
{
    [Fact]
    public async Task KindIndex_SortsNamesAsPeopleReadThem_IgnoringCaseAndPunctuation()
    {
        var page = await site.GetPageAsync("/labels");

        Assert.Equal(
            ["Cobalt Music", "Crunchy Frog", "Dancing Bear", "ECM", "Excelsior", "Irascible", "Magneoton", "MTJ", "Ninja Tune", "[PIAS]",
             "Preiser", "Rastilho", "Rockadillo", "Roton", "Rune Grammofon", "Startracks", "Subterfuge", "Sugar Music", "Supraphon", "Wagram Music"],
            page.Texts(".card-name"));
    }

    [Fact]
    public async Task KindIndex_SortedByYear_PutsTheOldestFirstAndEntriesWithoutAYearLast()
    {
        var page = await site.GetPageAsync("/associations?sort=year");

        Assert.Equal(
            ["SOM", "FONO", "PIL", "VUT", "UPFI and FELIN", "AIM", "DUP", "INDIECO", "UFI", "VTMÖ", "PMI", "RUNDA",
             "AMAEI", "ANPM", "BIMA", "HAIL", "INDIERO", "INDIESUISSE", "PLATFORMA", "STOMP"],
            page.Texts(".card-name"));
    }

    [Fact]
    public async Task KindIndex_ShowsTheOrderInForceAsTheCurrentLink()
    {
        var byName = await site.GetPageAsync("/labels");
        var byYear = await site.GetPageAsync("/labels?sort=year");

        Assert.Equal("/labels", byName.QuerySelector(".sort-links a[aria-current=true]")!.GetAttribute("href"));
        Assert.Equal("/labels?sort=year", byYear.QuerySelector(".sort-links a[aria-current=true]")!.GetAttribute("href"));
        Assert.Equal(["Sugar Music", "Supraphon", "Preiser"], byYear.Texts(".card-name").Take(3));
        Assert.EndsWith("/labels?sort=year", byYear.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task KindIndex_FiltersByGenre_WithChipsThatCount()
    {
        var page = await site.GetPageAsync("/labels?genre=jazz");

        Assert.Equal(["ECM", "Rune Grammofon"], page.Texts(".card-name"));
        Assert.Equal("Jazz labels", page.QuerySelector("h1")!.TextContent.Trim());
        var chip = page.QuerySelectorAll(".chips a[aria-current=true][href='/labels?genre=jazz']").Single(link => link.QuerySelector(".count") is not null);
        Assert.Equal("2", chip.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task KindIndex_GenreFilter_KeepsTheOtherFilters()
    {
        var page = await site.GetPageAsync("/labels?country=austria&genre=classical-music");

        Assert.Equal(["Preiser"], page.Texts(".card-name"));
        Assert.NotNull(page.QuerySelector(".chips a[href='/labels?country=austria']"));
    }

    [Theory]
    [InlineData("/labels?genre=polka")]
    [InlineData("/venues?genre=jazz")]
    [InlineData("/labels?page=2")]
    [InlineData("/labels?page=99999")]
    public async Task KindIndex_WellFormedButNamingNothing_Is404(string path)
    {
        await site.GetPageAsync(path, 404);
    }

    [Theory]
    [InlineData("/labels?page=abc")]
    [InlineData("/labels?page=0")]
    [InlineData("/labels?page=-1")]
    [InlineData("/labels?page=1.5")]
    [InlineData("/labels?page=99999999999999999999")]
    [InlineData("/labels?sort=size")]
    public async Task KindIndex_MalformedPageOrSort_Is400(string path)
    {
        var page = await site.GetPageAsync(path, 400);

        Assert.Contains("did not make sense", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task EntryPage_LinksEachGenreToTheFilteredIndex()
    {
        var page = await site.GetPageAsync("/labels/rune-grammofon");

        var links = page.QuerySelectorAll(".facts a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Contains("/labels?genre=jazz", links);
        Assert.Contains("/labels?genre=experimental-electronic-music", links);
    }

    [Fact]
    public async Task Milestones_ReadAsOneLinePerMilestone_WithASummaryAndNoRepeatedLabel()
    {
        var page = await site.GetPageAsync("/milestones");

        var first = page.QuerySelectorAll(".timeline-entry").Single(line => line.QuerySelector("a")!.TextContent == "EMI and Warner merger stopped");
        Assert.StartsWith("IMPALA wasted no time. In its very first year", first.QuerySelector(".timeline-summary")!.TextContent);
        Assert.EndsWith("\u2026", first.QuerySelector(".timeline-summary")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".timeline .card-kind"));
        Assert.DoesNotContain("2001", first.TextContent);
    }
}
