using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>
/// Schema.org JSON-LD for the head of a page, and the pieces several pages share: breadcrumbs, item lists and IMPALA
/// as an organisation. Every address in it is absolute and built by <see cref="SitePaths"/>.
/// </summary>
public static class JsonLd
{
    public const string ScriptType = "application/ld+json";

    private const string Context = "https://schema.org";

    // The JavaScript encoder escapes <, >, & and quotes whatever ranges it allows, so no content (an entry named
    // "</script>") can end the script element; letting every other character through keeps accents readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>One <c>script type="application/ld+json"</c> element per node.</summary>
    public static IHtmlContent Scripts(params JsonObject?[] nodes)
    {
        var html = new HtmlContentBuilder();
        foreach (var node in nodes.OfType<JsonObject>())
        {
            html.AppendHtml($"<script type=\"{ScriptType}\">");
            html.AppendHtml(node.ToJsonString(Options));
            html.AppendHtml("</script>\n");
        }

        return html;
    }

    /// <summary>A node of the given schema.org type; properties whose value is null are left out, so callers can pass optional facts as they are.</summary>
    public static JsonObject Node(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var node = new JsonObject { ["@type"] = type };
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                node[name] = value;
            }
        }

        return node;
    }

    /// <summary>A top-level node: the same with the schema.org context.</summary>
    public static JsonObject Document(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var node = Node(type, properties);
        node.Insert(0, "@context", Context);
        return node;
    }

    /// <summary>The trail exactly as the page's visible breadcrumb shows it, home first, the page itself last.</summary>
    public static JsonObject Breadcrumbs(HttpContext http, params (string Name, string Path)[] trail) =>
        Document("BreadcrumbList", ("itemListElement", ListItems(http, trail)));

    /// <summary>The things a page lists, in the order it lists them.</summary>
    public static JsonObject ItemList(HttpContext http, string name, IEnumerable<(string Name, string Path)> items)
    {
        var elements = ListItems(http, items);
        return Document("ItemList", ("name", name), ("numberOfItems", elements.Count), ("itemListElement", elements));
    }

    /// <summary>IMPALA, the publisher of the series and the author of its articles.</summary>
    public static JsonObject Impala() =>
        Node("Organization", ("name", "IMPALA"), ("alternateName", "Independent Music Companies Association"));

    public static string Url(HttpContext http, string path) => SiteAddress.Absolute(http, path);

    /// <summary>A list of values, or nothing when there are none (an empty array says "we know there are none").</summary>
    public static JsonArray? Array(IEnumerable<JsonNode?> values)
    {
        var array = new JsonArray([.. values]);
        return array.Count == 0 ? null : array;
    }

    private static JsonArray ListItems(HttpContext http, IEnumerable<(string Name, string Path)> items) =>
        new([.. items.Select((item, index) => Node("ListItem",
            ("position", index + 1), ("name", item.Name), ("item", Url(http, item.Path))))]);
}
