using System.Text.Json.Nodes;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Artists;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>
/// An artist in schema.org terms. Artists get a page only from a fact of type 'artists' (a label's roster, a venue's
/// bill); what they are is the kind's to say ('artist_type' in kinds.yml: MusicGroup, which "can also be a solo
/// musician", or Person), and a Thing where no kind naming them says it (see ArtistsController.SchemaType).
/// </summary>
public static class ArtistJsonLd
{
    public static JsonObject For(HttpContext http, ArtistViewModel page)
    {
        var pageUrl = JsonLd.Url(http, SitePaths.Artist(page.Slug));
        return JsonLd.Document(page.SchemaType,
            ("name", page.Name), ("description", page.Meta.Description), ("url", pageUrl), ("mainEntityOfPage", pageUrl),
            // The entries that name the artist are pages about things the artist belongs to or played at.
            ("subjectOf", JsonLd.Array(page.Entries.Select(entry => (JsonNode)JsonLd.Node("WebPage", ("name", entry.Name), ("url", JsonLd.Url(http, entry.Path)))))));
    }
}
