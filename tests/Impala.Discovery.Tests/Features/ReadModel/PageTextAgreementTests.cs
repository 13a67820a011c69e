using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.ReadModel;

/// <summary>
/// Every page of the frozen fixture's sitemap says one thing about itself wherever it is shown: its head (title for
/// link previews, meta description), its social card, its structured data, and for entries and articles its embed.
/// </summary>
public sealed partial class PageTextAgreementTests(SiteFixture site)
{
    [Fact]
    public async Task EveryPage_HasTheSameTitleAndDescription_InItsHead_Card_JsonLd_AndEmbed()
    {
        var sitemap = await site.Client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken);
        var paths = Loc().Matches(sitemap).Select(match => new Uri(match.Groups[1].Value).AbsolutePath).ToList();
        using var scope = site.Services.CreateScope();
        var pictures = scope.ServiceProvider.GetRequiredService<PagePictures>();
        var disagreements = new List<string>();
        foreach (var path in paths)
        {
            var page = await site.GetPageAsync(path);
            var title = Meta(page, "og:title")!;
            var description = page.QuerySelector("meta[name='description']")?.GetAttribute("content");
            Assert.Equal(description, Meta(page, "og:description"));

            var address = PageAddress.FromPath(path)!;
            var card = (await pictures.CardAsync(address, TestContext.Current.CancellationToken))!.Value.Text;
            Compare(path, "card title", title, card.Title);
            // An entry's card shows its caption under the name, as its page and its embed do; every other card its description.
            Compare(path, "card caption", address.Type == PageType.Entry ? page.QuerySelector(".caption")?.TextContent.Trim() : description, card.Caption);

            foreach (var node in JsonLdNodes(page).Where(node => node.TryGetProperty("url", out var url) && new Uri(url.GetString()!).AbsolutePath == path))
            {
                if (node.TryGetProperty("description", out var said))
                {
                    Compare(path, "JSON-LD description", description, said.GetString());
                }
            }

            if (address.Type is PageType.Entry or PageType.Article)
            {
                var oembed = JsonDocument.Parse(await site.Client.GetStringAsync(
                    SitePaths.OEmbedFor("http://localhost" + path), TestContext.Current.CancellationToken)).RootElement;
                Compare(path, "oEmbed title", title, oembed.GetProperty("title").GetString());
            }
        }

        Assert.True(paths.Count > 40, $"only {paths.Count} pages in the sitemap");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));

        void Compare(string path, string what, string? expected, string? actual)
        {
            if (expected != actual)
            {
                disagreements.Add($"{path}: {what} says \"{actual}\" where the page says \"{expected}\"");
            }
        }
    }

    private static string? Meta(IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    // Structured data nodes, with the nodes of a graph, whichever way a page writes them.
    private static IEnumerable<JsonElement> JsonLdNodes(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement.Clone())
            .SelectMany(root => root.TryGetProperty("@graph", out var graph) ? graph.EnumerateArray().ToList() : [root]);

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex Loc();
}
