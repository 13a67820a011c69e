using Impala.Discovery.Tests.Features.Api;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features.Search;

/// <summary>
/// What fans type, as they type it, over the frozen fixture: each query must find the page meant among the first five
/// results of the search page. Every target is checked to exist first, so a renamed fixture fails loudly, not vacuously.
/// </summary>
public sealed class FanQueriesTests(SiteFixture site)
{
    public static TheoryData<string, string, string> Queries => new()
    {
        // Typos: one from five letters, two from nine; a typo in the last of several words.
        { "typo", "berghian", "/venues/berghain" },
        { "typo", "berghan", "/venues/berghain" },
        { "typo", "paradsio", "/venues/paradiso" },
        { "typo", "supraphone", "/labels/supraphon" },
        { "typo", "ninja tume", "/labels/ninja-tune" },
        { "typo", "rockefeler", "/venues/rockefeller" },
        { "typo", "korjamo", "/venues/korjaamo" },
        { "typo", "rune gramofon", "/labels/rune-grammofon" },
        { "typo", "amon tobim", "/artists/amon-tobin" },

        // Names as written: apostrophes straight and curly, slashes, hyphens, brackets, slugs.
        { "punctuation", "L'Usine", "/venues/lusine" },
        { "punctuation", "L\u2019Usine", "/venues/lusine" },
        { "punctuation", "Sony/BMG", "/milestones/sony-bmg-court-victory" },
        { "punctuation", "COVID-19", "/milestones/covid-19-task-force-set-up" },
        { "punctuation", "ninja-tune", "/labels/ninja-tune" },
        { "punctuation", "ninjatune", "/labels/ninja-tune" },
        { "punctuation", "World's first merger", "/milestones/worlds-first-merger-remedy-package" },
        { "punctuation", "EMI-Warner", "/milestones/emi-and-warner-merger-stopped" },
        { "punctuation", "[PIAS]", "/labels/pias" },
        { "punctuation", "vtmo", "/associations/vtmo" },

        // Places by their own names (content/places.yml).
        { "local name", "København", "/venues/loppen" },
        { "local name", "Kobenhavn", "/labels/crunchy-frog" },
        { "local name", "Bruxelles", "/venues/ancienne-belgique" },
        { "local name", "Genève", "/venues/lusine" },
        { "local name", "Wien", "/venues/flex" },
        { "local name", "Roma", "/venues/parco-della-musica" },
        { "local name", "Göteborg", "/venues/pustervik" },
        { "local name", "Warszawa", "/venues/progresja" },
        { "local name", "Praha", "/labels/supraphon" },
        { "local name", "München", "/labels/ecm" },
        { "local name", "Muenchen", "/labels/ecm" },

        // Countries by their common other names.
        { "country alias", "UK", "/countries/united-kingdom" },
        { "country alias", "UK", "/labels/ninja-tune" },
        { "country alias", "Holland", "/countries/netherlands" },
        { "country alias", "Holland", "/venues/paradiso" },
        { "country alias", "Czechia", "/countries/czech-republic" },
        { "country alias", "Great Britain", "/venues/roundhouse" },

        // Artists, by name and by the start of it.
        { "artist", "Amon Tobin", "/artists/amon-tobin" },
        { "artist", "Mr Scruff", "/artists/mr-scruff" },
        { "artist", "agnes obel", "/artists/agnes-obel" },
        { "artist", "Raveonettes", "/artists/the-raveonettes" },
        { "prefix", "amon", "/artists/amon-tobin" },
        { "prefix", "parad", "/venues/paradiso" },
        { "prefix", "berg", "/venues/berghain" },

        // Full names in their own language and letters.
        { "full name", "Danske Uafhængige Pladeselskaber", "/associations/dup" },
        { "full name", "Association of Independent Music", "/associations/aim" },
        { "full name", "Verband unabhängiger Musikunternehmer", "/associations/vut" },
        { "full name", "Stichting Onafhankelijk", "/associations/stomp" },

        // Several words, kinds and articles.
        { "several words", "jazz munich", "/labels/ecm" },
        { "several words", "venue copenhagen", "/venues/loppen" },
        { "several words", "independent album of the year", "/milestones/independent-album-of-the-year-award" },
        { "kind", "venues", "/venues" },
        { "kind", "labels", "/labels" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FanQuery_FindsThePageMeant_AmongTheFirstFive(string kind, string query, string target)
    {
        using var exists = await site.Client.GetAsync(target, TestContext.Current.CancellationToken);
        Assert.True(exists.IsSuccessStatusCode, $"The target {target} is not a page of the fixture.");

        var page = await site.GetPageAsync(SitePaths.SearchFor(query));

        var firstFive = page.QuerySelectorAll(".search-result a.result-name").Take(5).Select(link => link.GetAttribute("href")).ToList();
        Assert.True(firstFive.Contains(target), $"{kind} query \u201c{query}\u201d: {target} is not among the first five: {string.Join(", ", firstFive)}");
    }

    [Fact]
    public void QueryList_CoversEveryClass_WithAtLeastThirtyQueries()
    {
        var rows = Queries.Select(row => (Kind: row.Data.Item1, Query: row.Data.Item2)).ToList();

        Assert.True(rows.Select(row => row.Query).Distinct().Count() >= 30);
        Assert.Subset(rows.Select(row => row.Kind).ToHashSet(),
            new HashSet<string> { "typo", "punctuation", "local name", "country alias", "artist", "prefix", "full name", "several words" });
    }

    public static TheoryData<string> EveryQuery => [.. Queries.Select(row => row.Data.Item2).Append("jazz").Distinct()];

    [Theory]
    [MemberData(nameof(EveryQuery))]
    public async Task SearchPage_AndApi_GiveTheSameResultsInTheSameOrder(string query)
    {
        var page = await site.GetPageAsync(SitePaths.SearchFor(query));
        var api = await ApiResponse.OkAsync(site.Client, SitePaths.ApiSearch(query));

        var onPage = page.QuerySelectorAll(".search-result a.result-name").Select(link => link.GetAttribute("href")).ToList();
        var inApi = api.GetProperty("hits").EnumerateArray().Select(hit => (string?)new Uri(hit.GetProperty("url").GetString()!).AbsolutePath).ToList();
        Assert.NotEmpty(onPage);
        Assert.Equal(onPage, inApi);
        Assert.Equal(
            api.GetProperty("hits").EnumerateArray().Where(hit => hit.GetProperty("type").GetString() == "entry").Select(hit => hit.GetProperty("url").GetString()),
            api.GetProperty("results").EnumerateArray().Select(entry => entry.GetProperty("url").GetString()));
    }

    [Theory]
    [InlineData("/venues/berghian", "berghian", "/venues/berghain")]
    [InlineData("/labels/ninjatune", "ninjatune", "/labels/ninja-tune")]
    [InlineData("/venues/paradisoo", "paradisoo", "/venues/paradiso")]
    [InlineData("/labels/supraphone", "supraphone", "/labels/supraphon")]
    public async Task NotFoundSuggestions_AgreeWithTheSearchPage(string address, string query, string meant)
    {
        var notFound = await site.GetPageAsync(address, 404);
        var search = await site.GetPageAsync(SitePaths.SearchFor(query));

        var suggested = notFound.QuerySelectorAll(".suggestion-links a").Select(link => link.GetAttribute("href")).ToList();
        var found = search.QuerySelectorAll(".search-result a.result-name").Select(link => link.GetAttribute("href"))
            .Where(path => suggested.Contains(path)).ToList();
        Assert.Equal(meant, suggested[0]);
        Assert.Equal(meant, found[0]);
        Assert.Equal(suggested, found);
    }
}
