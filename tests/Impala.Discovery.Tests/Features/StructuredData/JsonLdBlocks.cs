using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.StructuredData;

/// <summary>The JSON-LD a page carries, parsed as search engines read it: one JSON document per script element.</summary>
public static class JsonLdBlocks
{
    public static IReadOnlyList<JsonElement> Of(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement.Clone())
            .ToList();

    /// <summary>The one block of this type; fails when there is none or more than one.</summary>
    public static JsonElement OfType(IHtmlDocument page, string type) =>
        Assert.Single(Of(page), block => block.GetProperty("@type").GetString() == type);

    public static string Text(this JsonElement node, string property) => node.GetProperty(property).GetString()!;

    public static IReadOnlyList<string> Texts(this JsonElement node, string property) =>
        node.GetProperty(property).EnumerateArray().Select(item => item.GetString()!).ToList();

    /// <summary>Name and address of each item of an ItemList or a BreadcrumbList, in order.</summary>
    public static IReadOnlyList<(string Name, string Url)> Items(this JsonElement list)
    {
        var items = list.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(item => item.GetProperty("position").GetInt32()));
        return items.Select(item => (item.Text("name"), item.Text("item"))).ToList();
    }
}
