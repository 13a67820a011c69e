using System.Text.Json.Nodes;
using Impala.Discovery.Web.Features.Artists;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>
/// An artist in schema.org terms. Artists get a page only from a fact of type 'artists' (a label's roster, a venue's
/// bill), which kinds.yml declares as naming musical artists: schema.org's MusicGroup, which "can also be a solo
/// musician", so a band and a singer are both described truly without knowing which they are.
/// </summary>
public static class ArtistJsonLd
{
    public static JsonObject For(HttpContext http, ArtistViewModel page)
    {
        var pageUrl = JsonLd.Url(http, SitePaths.Artist(page.Slug));
        return JsonLd.Document("MusicGroup",
            ("name", page.Name), ("description", page.Meta.Description), ("url", pageUrl), ("mainEntityOfPage", pageUrl),
            // The entries that name the artist are pages about things the artist belongs to or played at.
            ("subjectOf", JsonLd.Array(page.Entries.Select(entry => (JsonNode)JsonLd.Node("WebPage", ("name", entry.Name), ("url", JsonLd.Url(http, entry.Path)))))));
    }
}
