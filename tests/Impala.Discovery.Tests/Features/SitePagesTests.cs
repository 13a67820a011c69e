namespace Impala.Discovery.Tests.Features;

/// <summary>Every route of the site map answers, against the frozen content fixture.</summary>
public sealed class SitePagesTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(PageTemplates.AllSitePages), MemberType = typeof(PageTemplates))]
    public async Task Page_AnswersWithTitleDescriptionAndCanonicalLink(string path)
    {
        var page = await site.GetPageAsync(path);

        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.NotNull(canonical);
        Assert.StartsWith("http", canonical);
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Theory]
    [InlineData("/labels/ninja-tune", 200)]
    [InlineData("/feed.xml", 200)]
    [InlineData("/labels/no-such-label", 404)]
    public async Task HeadRequest_AnswersLikeGetWithoutABody(string path, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);

        using var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LabelPage_ShowsNinjaTuneFacts()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        Assert.Equal("Ninja Tune", page.QuerySelector("h1")!.TextContent.Trim());
        var facts = page.QuerySelectorAll("dl.facts > div").ToDictionary(
            fact => fact.QuerySelector("dt")!.TextContent.Trim(),
            fact => fact.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("London, United Kingdom \u00b7 1990", page.QuerySelector("header .caption")!.TextContent.Trim());
        Assert.Contains("Matt Black", facts["Founders"]);
        Assert.Contains("Amon Tobin", facts["Artists"]);
    }

    [Fact]
    public async Task ApproximateYear_IsShownAsApproximateAndStillFiledUnderItsDecade()
    {
        var entry = await site.GetPageAsync("/labels/startracks");
        var decade = await site.GetPageAsync("/labels?decade=2000s");

        Assert.Equal("Sweden · c. 2000", entry.QuerySelector("header .caption")!.TextContent.Trim());
        Assert.Contains("Startracks", decade.Texts(".card-name"));
    }

    [Fact]
    public async Task CountryPage_ListsEverythingInDenmarkAcrossKinds()
    {
        var page = await site.GetPageAsync("/countries/denmark");

        var names = page.Texts(".card-name");
        Assert.Contains("Crunchy Frog", names);
        Assert.Contains("Loppen", names);
        Assert.Contains("DUP", names);
    }

    [Fact]
    public async Task CountryPage_NamesTheUnitedKingdomWithItsArticleInTheSentenceButNotInTheHeading()
    {
        var page = await site.GetPageAsync("/countries/united-kingdom");

        Assert.StartsWith("Independent music in the United Kingdom:", page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal("United Kingdom", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task KindIndexFilteredByCountry_HeadsItWithTheArticleWhereEnglishUsesOne()
    {
        var page = await site.GetPageAsync("/venues?country=netherlands");

        Assert.Equal("Venues in the Netherlands", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task CountryPage_ShowsAnAssociationOnEachOfItsTerritories()
    {
        foreach (var country in new[] { "slovenia", "croatia", "serbia", "bosnia-and-herzegovina", "kosovo", "montenegro", "north-macedonia", "albania" })
        {
            var page = await site.GetPageAsync($"/countries/{country}");
            Assert.Contains("RUNDA", page.Texts(".card-name"));
        }
    }

    [Fact]
    public async Task EntryCaption_ListsTerritoriesInTheEditorsOrder()
    {
        var page = await site.GetPageAsync("/associations/runda");

        Assert.Equal("Slovenia, Croatia, Serbia and 5 more · 2018", page.QuerySelector("header .caption")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/labels", 20)]
    [InlineData("/venues", 20)]
    [InlineData("/associations", 20)]
    [InlineData("/milestones", 20)]
    public async Task KindIndex_ListsEveryEntry(string path, int count)
    {
        var page = await site.GetPageAsync(path);

        Assert.Equal(count, page.QuerySelectorAll(".card, .timeline-entry").Length);
    }

    [Fact]
    public async Task KindIndex_FiltersByCountry()
    {
        var page = await site.GetPageAsync("/labels?country=denmark");

        Assert.Equal(["Crunchy Frog"], page.Texts(".card-name"));
    }

    [Fact]
    public async Task KindIndex_FiltersByDecade()
    {
        var page = await site.GetPageAsync("/labels?decade=1960s");

        Assert.Equal(["Cobalt Music", "ECM"], page.Texts(".card-name"));
    }

    [Fact]
    public async Task MilestonesPage_IsATimelineInYearOrderWithYearsGrouped()
    {
        var page = await site.GetPageAsync("/milestones");

        var years = page.Texts(".timeline-year > h2").Select(int.Parse).ToList();
        Assert.Equal(years.Order().ToList(), years);
        Assert.Equal(years.Distinct().Count(), years.Count);
        var year2001 = page.QuerySelectorAll(".timeline-year").Single(year => year.QuerySelector("h2")!.TextContent.Trim() == "2001");
        Assert.Equal(2, year2001.QuerySelectorAll(".timeline-entry").Length);
        Assert.Equal(20, page.QuerySelectorAll(".timeline .timeline-entry").Length);
    }

    [Fact]
    public async Task ArticlePage_ShowsIntroAndEntriesInOrderLinkingToTheirPages()
    {
        var page = await site.GetPageAsync("/series/record-labels");

        var links = page.QuerySelectorAll(".article-entry h2 a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(20, links.Count);
        Assert.Equal("/labels/cobalt-music", links[0]);
        Assert.Equal("/labels/wagram-music", links[^1]);
        Assert.NotEmpty(page.Texts(".intro p"));
    }

    [Fact]
    public async Task HomePage_ShowsLatestArticleAndEveryKindWithItsCount()
    {
        var page = await site.GetPageAsync("/");

        Assert.Equal("/series/record-labels", page.QuerySelector("#latest-heading a")!.GetAttribute("href"));
        var tiles = page.QuerySelectorAll(".kind-tile a").ToDictionary(a => a.GetAttribute("href")!, a => a.QuerySelector(".kind-count")!.TextContent);
        Assert.Equal("20", tiles["/labels"]);
        Assert.Equal("20", tiles["/milestones"]);
        Assert.True(int.Parse(tiles["/countries"]) >= 27);
    }

    [Fact]
    public async Task EntryPage_LinksItsArticleNeighboursAndRelatedEntries()
    {
        var page = await site.GetPageAsync("/labels/crunchy-frog");

        Assert.Equal("/labels/cobalt-music", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/labels/dancing-bear", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("Loppen", page.Texts("#related-city-heading + .cards .card-name"));
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "Answering the climate emergency")]
    [InlineData("/associations/platforma", "Colours of Ostrava")]
    [InlineData("/associations/runda", "Balkans")]
    public async Task EntryPage_ListsTheEntriesWhoseProseLinksToIt(string path, string mentionedIn)
    {
        var page = await site.GetPageAsync(path);

        Assert.Contains(page.Texts("#linked-heading + .cards .card-name"), name => name.Contains(mentionedIn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Footer_CarriesThePublishersContactBlock()
    {
        var page = await site.GetPageAsync("/");

        var address = page.QuerySelector("footer address")!.TextContent;
        Assert.Contains("Coudenberg 70", address);
        Assert.Contains("+32 2 503 31 38", address);
    }
}
