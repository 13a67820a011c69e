using System.Text.Json.Nodes;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Home;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>The site itself, on its home page: its name, its publisher, and how to search it.</summary>
public static class HomeJsonLd
{
    public static JsonObject WebSite(HttpContext http, string description) =>
        JsonLd.Document("WebSite",
            ("name", HomeController.SiteName), ("url", JsonLd.Url(http, SitePaths.Home)), ("description", description),
            ("publisher", JsonLd.Impala()),
            ("potentialAction", JsonLd.Node("SearchAction",
                // schema.org's template syntax: search engines put the visitor's words where the braces are.
                ("target", JsonLd.Url(http, SitePaths.Search) + "?q={search_term_string}"),
                ("query-input", "required name=search_term_string"))));
}
