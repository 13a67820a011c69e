using System.Net;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>
/// Members' links are built by <see cref="SitePaths"/> alone: every address it builds from what the store holds must
/// answer, and every page must print only addresses it built.
/// </summary>
public sealed class SitePathsTests : IAsyncLifetime
{
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
            using var response = await client.GetAsync(address, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{address} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(addresses.Count > 20, "the fixture should give the walk something to walk");
        Assert.Empty(failures);
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
    }

    /// <summary>Every address the path builder makes from the store's articles, entries, countries and kinds.</summary>
    private async Task<List<string>> EveryAddressAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DiscoveryDbContext>();
        var addresses = new List<string>(SitePaths.FixedPages) { SitePaths.Robots };
        addresses.Add(SitePaths.Favicon);
        foreach (var kind in await db.Kinds.Select(kind => kind.Key).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Kind(kind));
        }

        foreach (var slug in await db.Articles.Select(article => article.Slug).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Article(slug));
        }

        foreach (var slug in await db.EntryCountries.Select(country => country.CountrySlug).Distinct().ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Country(slug));
        }

        foreach (var entry in await db.Entries.Select(entry => new { entry.KindKey, entry.Slug }).ToListAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(SitePaths.Entry(entry.KindKey, entry.Slug));
        }

        return addresses;
    }
}
