using System.Net;
using Impala.Discovery.Tests.Content;
using Impala.Discovery.Tests.Features.StructuredData;

namespace Impala.Discovery.Tests.Features;

/// <summary>A fan follows an artist from a label's roster to every entry that names them.</summary>
public sealed class ArtistsTests(SiteFixture site)
{
    [Fact]
    public async Task EntryPage_LinksEachArtistOfItsRosterToTheArtistsPage()
    {
        var page = await site.GetPageAsync("/labels/ninja-tune");

        var link = page.QuerySelectorAll("dl.facts a").FirstOrDefault(a => a.TextContent == "Amon Tobin");
        Assert.Equal("/artists/amon-tobin", link?.GetAttribute("href"));
    }

    [Fact]
    public async Task ArtistPage_ListsTheEntriesThatNameTheArtist()
    {
        var page = await site.GetPageAsync("/artists/amon-tobin");

        Assert.Equal("Amon Tobin", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(["/labels/ninja-tune"], page.QuerySelectorAll("#named-by .card a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ArtistPage_LeadsToTheLabelmatesTheSameEntryNames_InItsOrder()
    {
        var page = await site.GetPageAsync("/artists/amon-tobin");

        var roster = Assert.Single(page.QuerySelectorAll("#labelmates h3"));
        Assert.Equal("Also named by Ninja Tune", roster.TextContent);
        Assert.Equal("/labels/ninja-tune", roster.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["/artists/dj-food", "/artists/mr-scruff"], page.QuerySelectorAll("#labelmates li a").Select(a => a.GetAttribute("href")));
        using var mate = await site.Client.GetAsync("/artists/dj-food", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, mate.StatusCode);
    }

    [Fact]
    public async Task ArtistPage_LeadsToOtherEntriesOfTheSameCountries_NotTheOnesAlreadyShown()
    {
        var page = await site.GetPageAsync("/artists/amon-tobin");

        var nearby = page.QuerySelectorAll("#nearby .card a").Select(a => a.GetAttribute("href")).ToList();

        // Ninja Tune is in the United Kingdom: the fixture's other UK entries are the Roundhouse and AIM, kind by kind.
        Assert.Equal(["/venues/roundhouse", "/associations/aim"], nearby);
    }

    [Fact]
    public async Task ArtistPage_WhereNoKindSaysWhatArtistsAre_DescribesAThingNamedByItsEntries()
    {
        // The frozen fixture's kinds.yml declares no artist_type.
        var artist = JsonLdBlocks.OfType(await site.GetPageAsync("/artists/amon-tobin"), "Thing");

        Assert.Equal("Amon Tobin", artist.Text("name"));
        Assert.Equal("http://localhost/artists/amon-tobin", artist.Text("url"));
        Assert.Equal(["http://localhost/labels/ninja-tune"], artist.GetProperty("subjectOf").EnumerateArray().Select(page => page.Text("url")));
    }

    [Theory]
    [InlineData("MusicGroup")]
    [InlineData("Person")]
    public async Task ArtistPage_IsWhatTheKindNamingThemSaysArtistsAre(string type)
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var kinds = Path.Combine(content, "kinds.yml");
        var text = File.ReadAllText(kinds);
        var labels = text.IndexOf("  - key: labels\n", StringComparison.Ordinal);
        Assert.True(labels >= 0);
        File.WriteAllText(kinds, text.Insert(text.IndexOf("    members: true\n", labels, StringComparison.Ordinal), $"    artist_type: {type}\n"));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/artists/amon-tobin", TestContext.Current.CancellationToken));

        Assert.Equal("Amon Tobin", JsonLdBlocks.OfType(page, type).Text("name"));
    }

    [Theory]
    [InlineData(new[] { "MusicGroup", null }, "MusicGroup")]
    [InlineData(new[] { "Person", "Person" }, "Person")]
    [InlineData(new[] { "MusicGroup", "Person" }, "Thing")]
    [InlineData(new string?[] { null }, "Thing")]
    public void SchemaType_IsTheDeclaredTypeWhenTheNamingKindsAgree(string?[] declared, string expected)
    {
        Assert.Equal(expected, Impala.Discovery.Web.Features.Artists.ArtistsController.SchemaType(declared));
    }

    [Fact]
    public async Task Sitemap_ListsTheArtistsIndexAndEveryArtist()
    {
        var sitemap = System.Xml.Linq.XDocument.Parse(await site.Client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));

        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var paths = sitemap.Root!.Elements(ns + "url").Select(url => new Uri(url.Element(ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/artists", paths);
        Assert.Contains("/artists/amon-tobin", paths);
        Assert.Equal(42, paths.Count(path => path.StartsWith("/artists/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ArtistsIndex_ListsEveryArtistOfTheFixtureUnderTheirLetter()
    {
        var page = await site.GetPageAsync("/artists");

        var names = page.QuerySelectorAll(".artist-list a").Select(a => a.TextContent).ToList();
        Assert.Equal(42, names.Count);
        Assert.Contains("Amon Tobin", page.QuerySelector("#letter-A")!.ParentElement!.TextContent);
        Assert.True(names.IndexOf("The Raveonettes") < names.IndexOf("Thee Attacks"), "words are compared word by word");
        Assert.True(names.IndexOf("Amon Tobin") < names.IndexOf("Bambi Molesters"));
    }

    [Theory]
    [InlineData("/artists/nobody-at-all", HttpStatusCode.NotFound)]
    [InlineData("/artists?page=2", HttpStatusCode.NotFound)]
    [InlineData("/artists?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/artists?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/artists?page=1", HttpStatusCode.MovedPermanently)]
    public async Task UnknownArtistOrPage_AnswersWithTheRightStatus(string path, HttpStatusCode status)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task ArtistNamedByTwoEntriesOfDifferentKinds_HasOnePageWithBoth()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-04-more-labels.md"), ArticleText.With("""
            ## Second Label

            - **Country:** Belgium
            - **Founded:** 1999
            - **Artists:** Mr Scruff, Amon Tobin
            """));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetStringAsync("/artists/amon-tobin", TestContext.Current.CancellationToken));

        Assert.Equal(["/labels/ninja-tune", "/labels/second-label"], page.QuerySelectorAll("#named-by .card a").Select(a => a.GetAttribute("href")).Order());
        var scruff = await Html.ParseAsync(await client.GetStringAsync("/artists/mr-scruff", TestContext.Current.CancellationToken));
        Assert.Equal(2, scruff.QuerySelectorAll("#named-by .card").Length);
    }
}
