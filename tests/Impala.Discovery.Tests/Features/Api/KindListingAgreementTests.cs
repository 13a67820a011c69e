using System.Text.Json;
using Impala.Discovery.Tests.Features.Indexes;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>
/// A kind's API list and its page are one listing: the same entries in the same order, page for page, with the same
/// total, for every kind, unfiltered and under each country and decade its page offers (the API has no genre filter).
/// </summary>
public sealed class KindListingAgreementTests(SiteFixture site, LargeKindSite largeSite) : IClassFixture<LargeKindSite>
{
    [Fact]
    public async Task EveryKind_ListsTheSameEntriesInTheSameOrderAsItsPage_UnfilteredAndUnderEachFilter()
    {
        var compared = 0;
        foreach (var kind in FrozenContent.Kinds.Kinds.Select(kind => kind.Key))
        {
            compared += await CompareEveryListingAsync(site.Client, kind);
        }

        Assert.True(compared > 60, $"only {compared} listings were compared");
    }

    [Fact]
    public async Task AKindOfManyPages_ListsTheSameEntriesPageForPage()
    {
        Assert.True(await CompareEveryListingAsync(largeSite.Client, "labels") > 10);
    }

    [Fact]
    public async Task Labels_AreInReadingOrder_AsOnTheirPage()
    {
        var names = (await ApiResponse.OkAsync(site.Client, SitePaths.ApiKind("labels"))).GetProperty("entries").EnumerateArray()
            .Select(entry => entry.GetProperty("name").GetString()).ToList();

        Assert.True(names.IndexOf("Magneoton") < names.IndexOf("MTJ"), string.Join(", ", names));
        Assert.Equal(names.IndexOf("Ninja Tune") + 1, names.IndexOf("[PIAS]"));
        Assert.Equal(names.IndexOf("[PIAS]") + 1, names.IndexOf("Preiser"));
    }

    // The kind's page, then each country and decade chip of it: the page's entries page by page against the API's.
    private static async Task<int> CompareEveryListingAsync(HttpClient client, string kind)
    {
        var reader = new KindIndexReader(client);
        var index = await reader.GetAsync(SitePaths.Kind(kind));
        var listings = KindIndexReader.Chips(index)
            .Select(chip => new Uri("http://localhost" + chip.Href).Query)
            .Where(query => !query.Contains("genre=", StringComparison.Ordinal))
            .Prepend("")
            .ToList();
        foreach (var query in listings)
        {
            var pagePath = SitePaths.Kind(kind) + query;
            var pages = await reader.PagesAsync(pagePath);
            var (apiPages, apiTotal) = await ApiPagesAsync(client, SitePaths.Api + pagePath);

            Assert.Equal(KindIndexReader.TotalShown(await reader.GetAsync(pagePath)), apiTotal);
            Assert.Equal(pages.Sum(page => page.Count), apiTotal);
            Assert.Equal(pages.Count, apiPages.Count);
            for (var number = 0; number < pages.Count; number++)
            {
                Assert.True(pages[number].SequenceEqual(apiPages[number]),
                    $"{pagePath} page {number + 1}:\n page {string.Join(" ", pages[number])}\n API  {string.Join(" ", apiPages[number])}");
            }
        }

        return listings.Count;
    }

    // Every page of the API's answer by its next links, as the page addresses of its entries, and the total it says.
    private static async Task<(List<List<string>> Pages, int Total)> ApiPagesAsync(HttpClient client, string path)
    {
        var pages = new List<List<string>>();
        var total = -1;
        for (var next = path; next is not null;)
        {
            var answer = await ApiResponse.OkAsync(client, next);
            total = answer.GetProperty("total").GetInt32();
            pages.Add(answer.GetProperty("entries").EnumerateArray().Select(PathOf).ToList());
            next = answer.GetProperty("next").GetString();
        }

        return (pages, total);
    }

    private static string PathOf(JsonElement entry) => new Uri(entry.GetProperty("url").GetString()!).AbsolutePath;
}
