using System.Net;

namespace Impala.Discovery.Tests.Features;

/// <summary>Odd addresses and query strings get a readable 400 or 404 page, never a 500 or a stack trace.</summary>
public sealed class ErrorPagesTests(SiteFixture site)
{
    [Theory]
    [InlineData("/labels/no-such-label")]
    [InlineData("/no-such-kind")]
    [InlineData("/no-such-kind/anything")]
    [InlineData("/series/no-such-article")]
    [InlineData("/countries/atlantis")]
    [InlineData("/countries/iceland")]
    [InlineData("/labels?country=atlantis")]
    [InlineData("/labels/ninja-tune/extra/segments")]
    [InlineData("/labels/%E2%98%83")]
    [InlineData("/wp-admin.php")]
    [InlineData("/.env")]
    public async Task UnknownAddress_AnswersTheFriendly404Page(string path)
    {
        var page = await site.GetPageAsync(path, 404);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[role=search]"));
        Assert.DoesNotContain("Exception", page.Body!.TextContent);
    }

    [Theory]
    [InlineData("/labels/ninja", "Ninja Tune")]
    [InlineData("/labels/ninja-tunes", "Ninja Tune")]
    [InlineData("/venues/berghain-berlin", "Berghain")]
    [InlineData("/old-site/loppen.html", "Loppen")]
    public async Task NotFound_SuggestsEntriesResemblingTheAddress(string path, string suggested)
    {
        var page = await site.GetPageAsync(path, 404);

        Assert.Contains(suggested, page.Texts(".suggestion-links a"));
    }

    [Theory]
    [InlineData("/labels/ninjatune", "Ninja Tune", "/labels/ninja-tune")]
    [InlineData("/venues/paradisoo", "Paradiso", "/venues/paradiso")]
    [InlineData("/venues/berghian", "Berghain", "/venues/berghain")]
    [InlineData("/labels/rockefeler", "Rockefeller", "/venues/rockefeller")]
    public async Task NotFound_SuggestsTheNearestSlugFirst_BeforeAnythingElseOnThePage(string path, string suggested, string target)
    {
        var page = await site.GetPageAsync(path, 404);

        var first = page.QuerySelector(".suggestion-links a")!;
        Assert.Equal(suggested, first.TextContent);
        Assert.Equal(target, first.GetAttribute("href"));
        Assert.Same(page.QuerySelector("h1")!.NextElementSibling, page.QuerySelector(".suggestions"));
    }

    [Fact]
    public async Task NotFound_ForALongRandomPath_AnswersWithoutSuggestions()
    {
        var page = await site.GetPageAsync("/labels/" + new string('q', 80) + "/" + string.Concat(Enumerable.Repeat("zx-", 300)), 404);

        Assert.Empty(page.QuerySelectorAll(".suggestion-links a"));
    }

    [Fact]
    public async Task NotFound_IsKeptOutOfSearchEngines()
    {
        var page = await site.GetPageAsync("/labels/no-such-label", 404);

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
    }

    [Theory]
    [InlineData("/labels?decade=abc")]
    [InlineData("/labels?decade=1995")]
    [InlineData("/labels?decade=-1990")]
    [InlineData("/labels?decade=99999999999999999999")]
    [InlineData("/labels?country=denmark&country=france")]
    public async Task MalformedQueryString_AnswersA400Page(string path)
    {
        var page = await site.GetPageAsync(path, 400);

        Assert.Contains("did not make sense", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/labels?country=")]
    [InlineData("/search?q=%00%01%02")]
    [InlineData("/search?q=%22%20OR%20*%20NEAR(")]
    [InlineData("/labels?unknown=parameter")]
    public async Task OddButHarmlessQueryString_StillAnswers200(string path)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task VeryLongSearch_IsCutToTheLimitInsteadOfFailing()
    {
        var page = await site.GetPageAsync("/search?q=" + new string('a', 5000));

        Assert.Equal(200, page.QuerySelector("#search-query")!.GetAttribute("value")!.Length);
    }

    [Theory]
    [InlineData("/labels/Ninja-Tune", "/labels/ninja-tune")]
    [InlineData("/Labels/Ninja-Tune", "/labels/ninja-tune")]
    [InlineData("/LABELS", "/labels")]
    [InlineData("/Countries/Denmark?x=1", "/countries/denmark?x=1")]
    public async Task AddressWithCapitals_RedirectsPermanentlyToTheLowercaseOne(string path, string target)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
        using var followed = await site.Client.GetAsync(target, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Theory]
    [InlineData("/Labels/ninj%C3%A4", "/labels/ninj%C3%A4")]
    [InlineData("/Countries/%C3%96sterreich", "/countries/%C3%96sterreich")]
    [InlineData("/Labels/ninj%c3%a4?Q=X", "/labels/ninj%C3%A4?Q=X")]
    public async Task AddressWithCapitalsAndEscapes_RedirectsWithTheEscapesKept(string path, string target)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("//Evil.example/")]
    [InlineData("/%5CEvil.example/")]
    [InlineData("/%2F%2FEvil.example/")]
    [InlineData("/%E2%88%95Evil.example/")]
    public async Task AddressThatLooksLikeAnotherHost_IsNeverRedirected(string path)
    {
        // Absolute, so that HttpClient does not read "//host" as another host itself.
        var root = site.Client.BaseAddress!;
        using var response = await site.Client.GetAsync(new Uri($"{root.Scheme}://{root.Authority}{path}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/%09/evil.example/L")]
    [InlineData("/Labels/x%0A")]
    [InlineData("/labels/x%0D")]
    [InlineData("/labels/%7F")]
    public async Task AddressWithAControlCharacter_AnswersThe400Page(string path)
    {
        var root = site.Client.BaseAddress!;
        using var response = await site.Client.GetAsync(new Uri($"{root.Scheme}://{root.Authority}{path}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("did not make sense", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    [InlineData("/error/404")]
    [InlineData("/error/429")]
    [InlineData("/error/0")]
    [InlineData("/error/-1")]
    [InlineData("/error/200")]
    [InlineData("/error/99999")]
    [InlineData("/error/2147483648")]
    public async Task ErrorPageAddress_RequestedDirectly_IsNotFound(string path)
    {
        var page = await site.GetPageAsync(path, 404);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ErrorPageThatSaysTheSameToEveryone_IsRenderedOnce_ButA404PageIsNot()
    {
        foreach (var path in new[] { "/labels?decade=abc", "/labels?decade=abc" })
        {
            await site.Client.GetAsync(path, TestContext.Current.CancellationToken);
        }

        using var badRequest = await site.Client.GetAsync("/labels?decade=1234", TestContext.Current.CancellationToken);
        using var notFound = await site.Client.GetAsync("/labels/no-such-label", TestContext.Current.CancellationToken);
        using var notFoundAgain = await site.Client.GetAsync("/labels/no-such-label", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.NotNull(badRequest.Headers.Age);
        Assert.Equal(HttpStatusCode.NotFound, notFoundAgain.StatusCode);
        Assert.Null(notFoundAgain.Headers.Age);
    }
}
