using Impala.Discovery.Tests.Content;
using Impala.Discovery.Tests.Features.StructuredData;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Tests.Features;

/// <summary>An entry's page: caption and facts box say each fact once, link-outs, and "related" from near to far.</summary>
public sealed class EntryPageTests(SiteFixture site)
{
    private const string Labels = "2021-03-record-labels.md";

    [Fact]
    public async Task Caption_LinksTheCountryItSaysInPlaceOfTheFactsBox()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        var caption = page.QuerySelector(".entry header .caption")!;
        Assert.StartsWith("London, United Kingdom", caption.TextContent);
        Assert.Equal("/countries/united-kingdom", caption.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("United Kingdom", caption.QuerySelector("a")?.TextContent);
    }

    [Fact]
    public async Task FactsBox_LeavesOutWhatTheCaptionSays_AndKeepsTheRest()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        Assert.Equal("London, United Kingdom \u00b7 1990", page.QuerySelector("header .caption")!.TextContent.Trim());
        Assert.Equal(["Founders", "Artists"], page.Texts("dl.facts dt"));
    }

    [Fact]
    public async Task FactsBox_KeepsAListTheCaptionCutsShort()
    {
        var page = await site.GetPageAsync("/associations/runda");

        Assert.Equal("Slovenia, Croatia, Serbia and 5 more \u00b7 2018", page.QuerySelector("header .caption")!.TextContent.Trim());
        var facts = page.Texts("dl.facts dt");
        Assert.Contains("Territories", facts);
        Assert.DoesNotContain("Founded", facts);
        Assert.Contains("Albania", page.Texts("dl.facts .fact-list li"));
    }

    [Fact]
    public async Task Related_IsTheCityThenTheCountry_WithoutRepeatingAnEntry()
    {
        var page = await site.GetPageAsync("/labels/crunchy-frog");

        Assert.Equal(["Also in Copenhagen", "Also in Denmark"], page.Texts("section[aria-labelledby^=related] h2"));
        Assert.Equal(["Loppen"], page.Texts("#related-city-heading + .cards .card-name"));
        Assert.Equal(["DUP"], page.Texts("#related-country-heading + .cards .card-name"));
    }

    [Fact]
    public async Task Related_EndsWithTheSameGenre_AndNamesCountriesAsRunningTextDoes()
    {
        var ecm = await site.GetPageAsync("/labels/ecm");
        var ninja = await site.GetPageAsync("/labels/ninja-tune");

        Assert.Equal(["Also in Germany", "Also jazz"], ecm.Texts("section[aria-labelledby^=related] h2"));
        Assert.Equal(["Rune Grammofon"], ecm.Texts("#related-genre-heading + .cards .card-name"));
        Assert.DoesNotContain("ECM", ecm.Texts("section[aria-labelledby^=related] .card-name"));
        Assert.Equal(["Also in London", "Also in the United Kingdom"], ninja.Texts("section[aria-labelledby^=related] h2"));
    }

    [Theory]
    [InlineData("https://warp.bandcamp.com/", "Bandcamp")]
    [InlineData("https://bandcamp.com/warp", "Bandcamp")]
    [InlineData("https://open.spotify.com/artist/abc", "Spotify")]
    [InlineData("https://music.apple.com/gb/artist/abc/1", "Apple Music")]
    [InlineData("https://www.youtube.com/@warp", "YouTube")]
    [InlineData("https://youtu.be/abc", "YouTube")]
    [InlineData("https://www.instagram.com/warp/", "Instagram")]
    [InlineData("https://mastodon.social/@warp", "Mastodon")]
    [InlineData("https://www.warp.net/", "warp.net")]
    public void LinkServices_NameTheServiceFromTheAddress(string url, string name) =>
        Assert.Equal(name, LinkServices.Name(url));

    [Fact]
    public void LinksFact_ReadsEachAddress()
    {
        var result = new ArticleParser(FrozenContent.Kinds).Parse(ArticleText.FileName, ArticleText.With(ArticleText.NinjaTune.Replace(
            "- **Founded:** 1990", "- **Founded:** 1990\n- **Links:** https://ninjatune.net, https://mastodon.social/@example", StringComparison.Ordinal)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["https://ninjatune.net/", "https://mastodon.social/@example"],
            result.Value!.Entries[0].Facts.Single(fact => fact.Definition.Key == "Links").Values);
    }

    [Fact]
    public void LinksFact_WithABadAddress_NamesItWithItsLineAndColumn()
    {
        var result = new ArticleParser(FrozenContent.Kinds).Parse(ArticleText.FileName, ArticleText.With(ArticleText.NinjaTune.Replace(
            "- **Founded:** 1990", "- **Founded:** 1990\n- **Links:** https://ninjatune.net, ninjatune.bandcamp.com", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Contains("'ninjatune.bandcamp.com' in 'Links' is not a web address", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1 && error.Column >= 1, error.ToString());
    }

    [Fact]
    public async Task LinkOuts_AreButtonsNamedByService_OpenedWithoutOpener_AndSameAsInStructuredData()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var path = Path.Combine(content, ContentFolder.ArticlesFolderName, Labels);
        File.WriteAllText(path, File.ReadAllText(path).Replace("- **City:** London\n- **Founded:** 1990\n",
            "- **City:** London\n- **Founded:** 1990\n- **Links:** https://example.bandcamp.com, https://mastodon.example/@someone, https://example.org/page\n", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/labels/ninja-tune", TestContext.Current.CancellationToken));

        var buttons = page.QuerySelectorAll(".entry-side .link-outs a").ToList();
        Assert.Equal(["Bandcamp", "Mastodon", "example.org"], buttons.Select(button => button.TextContent.Trim()));
        Assert.All(buttons, button => Assert.Equal("noopener external", button.GetAttribute("rel")));
        Assert.Equal("https://example.bandcamp.com/", buttons[0].GetAttribute("href"));
        Assert.DoesNotContain("Links", page.Texts("dl.facts dt"));
        var label = JsonLdBlocks.OfType(page, "Organization");
        Assert.Equal(["https://example.bandcamp.com/", "https://mastodon.example/@someone", "https://example.org/page"], label.Texts("sameAs"));
    }
}
