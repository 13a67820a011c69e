
namespace Impala.Discovery.Tests.Features.StructuredData;

/// <summary>The JSON-LD of every page template over the frozen fixture, type by type, as a search engine reads it.</summary>
public sealed class StructuredDataTests(SiteFixture site)
{
    private const string Site = "http://localhost";

    public static TheoryData<string> PagesWithBreadcrumbs =>
    [
        "/series", "/series/record-labels", "/labels", "/venues?country=france", "/milestones",
        "/labels/ninja-tune", "/venues/paradiso", "/associations/aim", "/milestones/merlin-and-win-take-shape",
        "/countries", "/countries/denmark", "/search?q=jazz", "/about",
    ];

    [Theory]
    [MemberData(nameof(PagesWithBreadcrumbs))]
    public async Task EveryBlock_IsSchemaOrgJson_AndTheBreadcrumbListIsTheVisibleTrail(string path)
    {
        var page = await site.GetPageAsync(path);

        var blocks = JsonLdBlocks.Of(page);
        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.Equal("https://schema.org", block.Text("@context")));
        var trail = JsonLdBlocks.OfType(page, "BreadcrumbList").Items();
        Assert.Equal(page.Texts("nav.breadcrumb li"), trail.Select(item => item.Name));
        var links = page.QuerySelectorAll("nav.breadcrumb li a").Select(link => Site + link.GetAttribute("href")).ToList();
        Assert.Equal(links, trail.SkipLast(1).Select(item => item.Url));
        Assert.Equal(page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), trail[^1].Url);
    }

    [Fact]
    public async Task HomePage_HasNoBreadcrumbs_AndNoBreadcrumbList()
    {
        var page = await site.GetPageAsync("/");

        Assert.Empty(page.QuerySelectorAll("nav.breadcrumb"));
        Assert.DoesNotContain(JsonLdBlocks.Of(page), block => block.Text("@type") == "BreadcrumbList");
    }

    [Fact]
    public async Task HomePage_DescribesTheSite_ItsPublisher_AndHowToSearchIt()
    {
        var website = JsonLdBlocks.OfType(await site.GetPageAsync("/"), "WebSite");

        Assert.Equal("Impala Discovery", website.Text("name"));
        Assert.Equal($"{Site}/", website.Text("url"));
        Assert.Equal("IMPALA", website.GetProperty("publisher").Text("name"));
        var search = website.GetProperty("potentialAction");
        Assert.Equal($"{Site}/search?q={{search_term_string}}", search.Text("target"));
    }

    [Fact]
    public async Task Label_IsARecordLabelOrganization_WithItsFoundingYearPlaceAndFounders()
    {
        var label = JsonLdBlocks.OfType(await site.GetPageAsync("/labels/ninja-tune"), "Organization");

        Assert.Equal("https://www.wikidata.org/wiki/Q18127", label.Text("additionalType"));
        Assert.Equal("Ninja Tune", label.Text("name"));
        Assert.Equal("1990", label.Text("foundingDate"));
        Assert.Equal($"{Site}/labels/ninja-tune", label.Text("mainEntityOfPage"));
        Assert.Equal($"{Site}/labels/ninja-tune", label.Text("url"));
        Assert.Equal(["Matt Black", "Jonathan Moore"], label.Texts("founder"));
        var location = label.GetProperty("location");
        Assert.Equal("Place", location.Text("@type"));
        Assert.Equal("London, United Kingdom", location.Text("name"));
        Assert.Equal("London", location.GetProperty("address").Text("addressLocality"));
        Assert.Equal("GB", location.GetProperty("address").Text("addressCountry"));
        Assert.False(label.TryGetProperty("sameAs", out _), "no Website fact, so no sameAs");
    }

    [Fact]
    public async Task Venue_IsAMusicVenue_WithItsAddressAndCapacity()
    {
        var olympia = JsonLdBlocks.OfType(await site.GetPageAsync("/venues/olympia"), "MusicVenue");
        var paradiso = JsonLdBlocks.OfType(await site.GetPageAsync("/venues/paradiso"), "MusicVenue");

        Assert.Equal(1996, olympia.GetProperty("maximumAttendeeCapacity").GetInt64());
        var address = olympia.GetProperty("address");
        Assert.Equal("PostalAddress", address.Text("@type"));
        Assert.Equal("Paris", address.Text("addressLocality"));
        Assert.Equal("FR", address.Text("addressCountry"));
        Assert.Equal("Amsterdam", paradiso.GetProperty("address").Text("addressLocality"));
        Assert.False(paradiso.TryGetProperty("maximumAttendeeCapacity", out _), "Paradiso's capacity is not in the fixture");
    }

    [Fact]
    public async Task Association_IsAnOrganization_WithItsFullNameAndTheCountriesItServes()
    {
        var aim = JsonLdBlocks.OfType(await site.GetPageAsync("/associations/aim"), "Organization");

        Assert.Equal("AIM", aim.Text("name"));
        Assert.Equal("Association of Independent Music", aim.Text("alternateName"));
        Assert.Equal("1998", aim.Text("foundingDate"));
        var served = Assert.Single(aim.GetProperty("areaServed").EnumerateArray());
        Assert.Equal("Country", served.Text("@type"));
        Assert.Equal("United Kingdom", served.Text("name"));
        Assert.False(aim.TryGetProperty("additionalType", out _), "an association is no record label");
    }

    [Fact]
    public async Task Milestone_IsAnEvent_FromItsFirstYearToItsLast()
    {
        var merlin = JsonLdBlocks.OfType(await site.GetPageAsync("/milestones/merlin-and-win-take-shape"), "Event");
        var sony = JsonLdBlocks.OfType(await site.GetPageAsync("/milestones/sony-bmg-court-victory"), "Event");

        Assert.Equal("2006", merlin.Text("startDate"));
        Assert.Equal("2007", merlin.Text("endDate"));
        Assert.Equal("2006", sony.Text("startDate"));
        Assert.False(sony.TryGetProperty("endDate", out _));
    }

    [Fact]
    public async Task Article_IsAnArticleByImpala_AndListsItsEntriesInOrder()
    {
        var page = await site.GetPageAsync("/series/record-labels");

        var article = JsonLdBlocks.OfType(page, "Article");
        Assert.Equal("Twenty iconic European independent record labels", article.Text("headline"));
        Assert.Equal("2021-03-01", article.Text("datePublished"));
        Assert.Equal($"{Site}/cards/series/record-labels.png", article.Text("image"));
        foreach (var role in new[] { "author", "publisher" })
        {
            Assert.Equal("Organization", article.GetProperty(role).Text("@type"));
            Assert.Equal("IMPALA", article.GetProperty(role).Text("name"));
        }

        var entries = JsonLdBlocks.OfType(page, "ItemList");
        var shown = page.QuerySelectorAll(".article-entry h2 a").Select(link => (link.TextContent, Site + link.GetAttribute("href"))).ToList();
        Assert.Equal(20, shown.Count);
        Assert.Equal(shown, entries.Items());
        Assert.Equal(20, entries.GetProperty("numberOfItems").GetInt32());
    }

    [Theory]
    [InlineData("/labels", ".card > a", ".card-name")]
    [InlineData("/venues?country=france", ".card > a", ".card-name")]
    [InlineData("/countries", ".country-list a", null)]
    [InlineData("/countries/denmark", ".card > a", ".card-name")]
    [InlineData("/series", ".article-cards h3 a", null)]
    public async Task Index_ListsWhatItShows_AsAnItemList(string path, string shownLinks, string? nameInLink)
    {
        var page = await site.GetPageAsync(path);

        var shown = page.QuerySelectorAll(shownLinks)
            .Select(link => ((nameInLink is null ? link : link.QuerySelector(nameInLink)!).TextContent.Trim(), Site + link.GetAttribute("href")))
            .ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(shown, JsonLdBlocks.OfType(page, "ItemList").Items());
    }

    [Fact]
    public async Task ContentThatLooksLikeMarkup_CannotCloseTheScriptElement()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var file = Path.Combine(content, "articles", "2021-03-record-labels.md");
        var hostile = "</script><script>alert(1)</script><!--";
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("## Ninja Tune\n", $"## Ninja Tune {hostile}\n- **Slug:** ninja-tune\n", StringComparison.Ordinal)
            .Replace("- **City:** London\n- **Founded:** 1990", $"- **City:** London {hostile}\n- **Founded:** 1990", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(html);

        // Both blocks survive whole, and the only inline script elements are the two JSON-LD ones.
        Assert.Equal(2, page.QuerySelectorAll("script:not([src])").Length);
        var label = JsonLdBlocks.OfType(page, "Organization");
        Assert.Equal($"Ninja Tune {hostile}", label.Text("name"));
        Assert.Equal($"London {hostile}", label.GetProperty("location").GetProperty("address").Text("addressLocality"));
        Assert.Equal($"Ninja Tune {hostile}", JsonLdBlocks.OfType(page, "BreadcrumbList").Items()[^1].Name);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task KindAddedByAnEditor_IsAThingWithNameAddressAndDescription()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.AppendAllText(Path.Combine(content, "kinds.yml"), "\n" + Content.KindsText.ManagersKind + "\n");
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-managers.md"), """
            ---
            title: Twenty managers
            kind: managers
            published: 2021-05-01
            summary: The people behind the artists.
            ---

            ## Jane Doe Management

            - **Country:** Denmark
            - **Founded:** 2005

            Looks after artists.
            """);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/managers/jane-doe-management", TestContext.Current.CancellationToken));

        var thing = JsonLdBlocks.OfType(page, "Thing");
        Assert.Equal("Jane Doe Management", thing.Text("name"));
        Assert.Equal($"{Site}/managers/jane-doe-management", thing.Text("url"));
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), thing.Text("description"));
        Assert.Equal(["Home", "Managers", "Jane Doe Management"], JsonLdBlocks.OfType(page, "BreadcrumbList").Items().Select(item => item.Name));
    }
}
