using System.Net;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>
/// Members' links are built by <see cref="SitePaths"/> alone: every address it builds from what the store holds must
/// answer, and every page must print only addresses it built.
/// </summary>
public sealed class SitePathsTests : IAsyncLifetime
{
    // The test client's own address: oEmbed answers only for pages of the host it is asked on.
    private const string TestSite = "http://localhost";

    private readonly DiscoveryFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task EveryAddressBuiltFromTheStore_Answers200()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var addresses = await EveryAddressAsync();

        var failures = new List<string>();
        foreach (var address in addresses)
        {
            var status = await StatusAsync(client, address);
            if (status != HttpStatusCode.OK)
            {
                failures.Add($"{address} answered {(int)status}");
            }
        }

        Assert.True(addresses.Count > 20, "the fixture should give the walk something to walk");
        Assert.Empty(failures);
    }

    /// <summary>
    /// The answer, asked again as a client would when it is a 503 with Retry-After: a card whose drawing overran its
    /// time on a busy machine says so rather than holding a core (CardsController), and draws on the next try.
    /// </summary>
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string address)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.GetAsync(address, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter is null || attempt == 5)
            {
                return response.StatusCode;
            }
        }
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("api")]
    [InlineData("kinds")]
    [InlineData("cards")]
    public void ReservedSegments_AreExactlyTheSitesOwnFirstSegments(string segment)
    {
        var isSitePage = segment != "labels";

        Assert.Equal(isSitePage, SitePaths.ReservedSegments.Contains(segment));
    }

    [Fact]
    public void KindFiltered_PutsItsKeysInOneOrderAndEscapesValues()
    {
        Assert.Equal("/labels", SitePaths.KindFiltered("labels", null, null));
        Assert.Equal("/labels?country=denmark&decade=1990s", SitePaths.KindFiltered("labels", "denmark", "1990s"));
        Assert.Equal("/labels?decade=a%26b", SitePaths.KindFiltered("labels", "", "a&b"));
        Assert.Equal("/labels?country=denmark&genre=hip-hop&sort=year&page=2", SitePaths.KindFiltered("labels", "denmark", null, "hip-hop", "year", 2));
        Assert.Equal("/labels?genre=jazz", SitePaths.KindFiltered("labels", null, null, "jazz", null, 1));
    }

    [Fact]
    public void ApiKindFiltered_PutsFiltersThenPagingAndLeavesDefaultsOut()
    {
        Assert.Equal("/api/v1/labels", SitePaths.ApiKindFiltered("labels", null, null));
        Assert.Equal("/api/v1/labels?page=2", SitePaths.ApiKindFiltered("labels", null, null, 2));
        Assert.Equal("/api/v1/labels?country=denmark&decade=1990s&page=3&pageSize=10", SitePaths.ApiKindFiltered("labels", "denmark", "1990s", 3, 10));
        Assert.Equal("/api/v1/venues?pageSize=5", SitePaths.ApiKindFiltered("venues", "", null, 1, 5));
    }

    /// <summary>Every address the path builder makes from the store's articles, entries, countries and kinds.</summary>
    private async Task<List<string>> EveryAddressAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var addresses = new List<string>(SitePaths.FixedPages) { SitePaths.Robots, SitePaths.OpenApiDocument, SitePaths.ApiKinds, SitePaths.ApiArticles, SitePaths.ApiSearch("ninja tune") };
        addresses.AddRange(new[] { SitePaths.Home, SitePaths.About, SitePaths.Series, SitePaths.Countries, SitePaths.Artists, SitePaths.Search }.Select(SitePaths.SocialCard));
        addresses.Add(SitePaths.Favicon);
        foreach (var kind in await db.Kinds.Select(kind => kind.Key).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Kind(kind));
            addresses.Add(SitePaths.SocialCard(SitePaths.Kind(kind)));
            addresses.Add(SitePaths.ApiKind(kind));
            addresses.Add(SitePaths.ApiKindFiltered(kind, null, null, 1, 5));
            addresses.Add(SitePaths.KindFiltered(kind, null, null, sort: "year"));
        }

        var genres = await db.EntryFacts.Where(fact => fact.Key == FactText.GenresKey)
            .Join(db.Entries, fact => fact.EntryId, entry => entry.Id, (fact, entry) => new { entry.KindKey, fact.Values })
            .ToListAsync(TestContext.Current.CancellationToken);
        foreach (var genre in genres.SelectMany(fact => fact.Values.Select(value => SitePaths.KindFiltered(fact.KindKey, null, null, Slug.From(value)))).Distinct())
        {
            addresses.Add(genre);
        }

        foreach (var slug in await db.Articles.Select(article => article.Slug).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Article(slug));
            addresses.Add(SitePaths.ApiArticle(slug));
            addresses.Add(SitePaths.SocialCard(SitePaths.Article(slug)));
            addresses.Add(SitePaths.Artwork(SitePaths.Article(slug)));
            addresses.Add(SitePaths.Embed(SitePaths.Article(slug)));
            addresses.Add(SitePaths.OEmbedFor(TestSite + SitePaths.Article(slug)));
        }

        foreach (var slug in await db.EntryCountries.Select(country => country.CountrySlug).Distinct().ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Country(slug));
            addresses.Add(SitePaths.ApiCountry(slug));
            addresses.Add(SitePaths.ApiKindFiltered("labels", slug, null));
            addresses.Add(SitePaths.SocialCard(SitePaths.Country(slug)));
        }

        foreach (var entry in await db.Entries.Select(entry => new { entry.KindKey, entry.Slug }).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Entry(entry.KindKey, entry.Slug));
            addresses.Add(SitePaths.ApiEntry(entry.KindKey, entry.Slug));
            addresses.Add(SitePaths.SocialCard(SitePaths.Entry(entry.KindKey, entry.Slug)));
            addresses.Add(SitePaths.Artwork(SitePaths.Entry(entry.KindKey, entry.Slug)));
            addresses.Add(SitePaths.Badge(entry.KindKey, entry.Slug));
            addresses.Add(SitePaths.Badge(entry.KindKey, entry.Slug, dark: true));
            addresses.Add(SitePaths.Badge(entry.KindKey, entry.Slug, "png"));
            addresses.Add(SitePaths.Badge(entry.KindKey, entry.Slug, "png", dark: true));
            addresses.Add(SitePaths.Embed(SitePaths.Entry(entry.KindKey, entry.Slug)));
            addresses.Add(SitePaths.OEmbedFor(TestSite + SitePaths.Entry(entry.KindKey, entry.Slug)));
        }

        foreach (var slug in await db.EntryArtists.Select(artist => artist.ArtistSlug).Distinct().ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Artist(slug));
            addresses.Add(SitePaths.SocialCard(SitePaths.Artist(slug)));
        }

        foreach (var picture in await db.Pictures.Select(picture => new { picture.Hash, picture.Width }).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.AddRange(PictureSizes.NamesFor(picture.Width).Select(name => SitePaths.Picture(picture.Hash, name)));
        }

        return addresses;
    }
}
