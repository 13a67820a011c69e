using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>Machines read what people read: for every entry page of the frozen fixture, the API says the same.</summary>
public sealed class ApiAgreesWithPagesTests(SiteFixture site)
{
    [Fact]
    public async Task EveryFixtureEntry_HasTheNameCaptionCanonicalAddressAndFactsOfItsPage()
    {
        var entryPaths = await EntryPagesInSitemapAsync();
        Assert.Equal(80, entryPaths.Count);

        var disagreements = new List<string>();
        foreach (var path in entryPaths)
        {
            var segments = path.Split('/');
            var page = await site.GetPageAsync(path);
            var api = await ApiResponse.OkAsync(site.Client, SitePaths.ApiEntry(segments[1], segments[2]));

            Compare(path, "name", page.QuerySelector("h1")!.TextContent.Trim(), api.GetProperty("name").GetString());
            Compare(path, "caption", page.QuerySelector("header .caption")?.TextContent.Trim() ?? "", api.GetProperty("caption").GetString());
            Compare(path, "url", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), api.GetProperty("url").GetString());
            // The page's facts box leaves out the facts its caption says in full; the API lists every fact.
            var caption = page.QuerySelector("header .caption")?.TextContent ?? "";
            var onPage = FactsOnPage(page).ToList();
            var inApi = FactsInApi(api).ToList();
            Compare(path, "facts", string.Join(" | ", onPage), string.Join(" | ", inApi.Where(fact => onPage.Contains(fact))));
            Compare(path, "facts said by the caption", "", string.Join(" | ", inApi.Where(fact => !onPage.Contains(fact))
                .Where(fact => !caption.Contains(fact[(fact.IndexOf(": ", StringComparison.Ordinal) + 2)..], StringComparison.Ordinal))));
            Compare(path, "rank", page.QuerySelector(".in-article p")!.TextContent.Split(' ')[1], api.GetProperty("rank").GetInt32().ToString(Formatting.Culture));
            Compare(path, "related", string.Join(" ", RelatedOnPage(page)), string.Join(" ", api.GetProperty("related").EnumerateArray().Select(PathOf)));
            Compare(path, "related groups",
                string.Join(" | ", page.QuerySelectorAll("section[aria-labelledby^=related-] h2").Select(heading => $"{heading.Id}: {heading.TextContent.Trim()}")),
                string.Join(" | ", api.GetProperty("relatedGroups").EnumerateArray().Select(group => $"related-{group.GetProperty("by").GetString()}-heading: {group.GetProperty("heading").GetString()}")));
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

        void Compare(string path, string field, string? onPage, string? inApi)
        {
            if (onPage != inApi)
            {
                disagreements.Add($"{path} {field}: page '{onPage}', API '{inApi}'");
            }
        }
    }

    private async Task<List<string>> EntryPagesInSitemapAsync()
    {
        var sitemap = XDocument.Parse(await site.Client.GetStringAsync(SitePaths.Sitemap, TestContext.Current.CancellationToken));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return sitemap.Root!.Elements(ns + "url")
            .Select(url => new Uri(url.Element(ns + "loc")!.Value).AbsolutePath)
            .Where(path => path.Split('/') is [_, var kind, _] && FrozenContent.Kinds.Find(kind) is not null)
            .ToList();
    }

    private static IEnumerable<string> RelatedOnPage(IHtmlDocument page) =>
        page.QuerySelectorAll("section[aria-labelledby^=related-] .card a").Select(link => link.GetAttribute("href")!);

    private static string PathOf(JsonElement entry) => new Uri(entry.GetProperty("url").GetString()!).AbsolutePath;

    // "Key: shown values" as the page's fact list shows them: one per list item, or the whole <dd>.
    private static IEnumerable<string> FactsOnPage(IHtmlDocument page) =>
        page.QuerySelectorAll("dl.facts > div").Select(fact =>
        {
            var items = fact.QuerySelectorAll("dd li").Select(item => item.TextContent.Trim()).ToList();
            var shown = items.Count > 0 ? string.Join(", ", items) : fact.QuerySelector("dd")!.TextContent.Trim();
            return $"{fact.QuerySelector("dt")!.TextContent.Trim()}: {shown}";
        });

    private static IEnumerable<string> FactsInApi(JsonElement entry) =>
        entry.GetProperty("facts").EnumerateArray().Select(fact => $"{fact.GetProperty("key").GetString()}: {fact.GetProperty("text").GetString()}");
}
