using System.Text.RegularExpressions;
using Impala.Discovery.Tests;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>The paths a fan takes through the site, clicked in a real browser, with no console error or failed request on the way.</summary>
public sealed class JourneyTests(SiteServer site, BrowserFixture browser)
{
    [Fact]
    public async Task Journey_HomeToKindToEntryToCountryToAnotherEntry_Works()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Labels", Exact = true }).ClickAsync();
        await AssertLandedOnAsync(page, "/labels", "Labels");

        await page.Locator(".card a", new() { HasText = "Ninja Tune" }).ClickAsync();
        await AssertLandedOnAsync(page, "/labels/ninja-tune", "Ninja Tune");

        await page.Locator(".entry header .caption").GetByRole(AriaRole.Link, new() { Name = "United Kingdom" }).ClickAsync();
        await AssertLandedOnAsync(page, "/countries/united-kingdom", "United Kingdom");

        var another = page.Locator("main .card a").Filter(new() { HasNotText = "Ninja Tune" }).First;
        var name = (await another.Locator(".card-name").TextContentAsync())!.Trim();
        var href = (await another.GetAttributeAsync("href"))!;
        await another.ClickAsync();
        await AssertLandedOnAsync(page, href, name);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_SearchFromHeader_ShowsResultsAndFollowsOne()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the discovery series" }).FillAsync("jazz");
        await page.Locator(".site-search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=jazz$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("h2.result-count")).ToHaveTextAsync(new Regex(@"^\d+ results? for “jazz”$"));
        var results = page.Locator("main .search-result a.result-name");
        Assert.True(await results.CountAsync() > 0, "Searching for jazz found nothing.");
        Assert.Equal("jazz", await page.Locator("#search-query").InputValueAsync());

        var first = results.First;
        var name = (await first.TextContentAsync())!.Trim();
        var href = (await first.GetAttributeAsync("href"))!;
        await first.ClickAsync();
        await AssertLandedOnAsync(page, href, name);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_MistypedSearch_FindsThePageMeantFirst()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/search");

        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").FillAsync("berghian");
        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").PressAsync("Enter");
        // The results' page first, then its loading: waiting for it at once could catch the search page as it was left.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=berghian"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var first = page.Locator("main .search-result a.result-name").First;
        await Assertions.Expect(first).ToHaveTextAsync("Berghain");
        await first.ClickAsync();
        await AssertLandedOnAsync(page, "/venues/berghain", "Berghain");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_SearchWithoutJavaScript_FindsTheArtistAndThePageMeant()
    {
        await using var session = await browser.OpenAsync(site, new() { JavaScriptEnabled = false });
        var page = session.Page;
        await session.GoToAsync("/search");
        var box = page.GetByLabel("Search labels, venues, associations, milestones, artists and places");

        await box.FillAsync("amon tobin");
        await box.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=amon\+tobin$"));
        await Assertions.Expect(page.Locator("main .search-result a.result-name").First).ToHaveTextAsync("Amon Tobin");

        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").FillAsync("paradsio");
        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").PressAsync("Enter");
        var first = page.Locator("main .search-result a.result-name").First;
        await Assertions.Expect(first).ToHaveTextAsync("Paradiso");
        await first.ClickAsync();
        await AssertLandedOnAsync(page, "/venues/paradiso", "Paradiso");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_SearchWithNoMatch_SaysSoAndOffersWaysOn()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/search");

        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").FillAsync("zzzzqqq");
        await page.GetByLabel("Search labels, venues, associations, milestones, artists and places").PressAsync("Enter");
        await Assertions.Expect(page.Locator("h2.result-count")).ToHaveTextAsync("0 results for “zzzzqqq”");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("main .empty").GetByRole(AriaRole.Link, new() { Name = "the countries" }).ClickAsync();
        await AssertLandedOnAsync(page, "/countries", "Countries");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_MapTileOnCountries_LeadsToTheCountryPage()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/countries");

        var tile = page.Locator("figure.europe-map svg").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Denmark, DK, \d+ entr(y|ies)$") });
        await tile.ClickAsync();
        await AssertLandedOnAsync(page, "/countries/denmark", "Denmark");
        await Assertions.Expect(page.Locator("figure.europe-map a[href='/countries/denmark'] rect")).ToHaveClassAsync(new Regex(@"\bcurrent\b"));
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_SeriesToArticleToEntry_Works()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/series");

        var article = page.Locator(".article-card h3 a", new() { HasText = "record labels" });
        var title = (await article.TextContentAsync())!.Trim();
        await article.ClickAsync();
        await AssertLandedOnAsync(page, "/series/record-labels", title);

        await page.Locator("nav.contents").GetByRole(AriaRole.Link, new() { Name = "Ninja Tune" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/series/record-labels#ninja-tune$"));
        await Assertions.Expect(page.Locator("#ninja-tune")).ToBeInViewportAsync();

        await page.Locator("#ninja-tune h2 a").ClickAsync();
        await AssertLandedOnAsync(page, "/labels/ninja-tune", "Ninja Tune");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Journey_UnknownSlug_ShowsTheFriendlyNotFoundPageWithStatus404()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync(PageTemplates.NotFound, expectedStatus: 404);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator(".error-page .eyebrow")).ToHaveTextAsync("Error 404");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();

        await page.Locator("#error-search").FillAsync("ninja tune");
        await page.Locator("#error-search").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main .result-name", new() { HasText = "Ninja Tune" })).ToBeVisibleAsync();
        session.AssertNoProblems();
    }

    private async Task AssertLandedOnAsync(IPage page, string path, string heading)
    {
        await Assertions.Expect(page).ToHaveURLAsync(site.Address(path).AbsoluteUri);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        // Let the page finish loading its stylesheets and icon, as a visitor's would before the next click. Network idle,
        // not "load": a page that arrives whole loads at once, and the "load" event could come before Playwright had
        // taken the new page as committed, and was then never seen (two CI runs timed out waiting for it).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
