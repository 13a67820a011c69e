using System.Globalization;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// What a member copies to link to their entry: the permanent address, the badge (light or dark, SVG or PNG) as HTML
/// and as Markdown, and the embed. Offered only on the entries of kinds whose entries are members ('members: true'
/// in kinds.yml): a milestone has no member to use it.
/// </summary>
public static class LinkKit
{
    // The size /badge/{kind}/{slug}.svg is drawn at, so members' pages reserve the space before the badge loads.
    public const int BadgeWidth = Cards.Badge.Width;
    public const int BadgeHeight = Cards.Badge.Height;

    /// <summary>Whether the entry's kind, as the store was imported with it, declares its entries members.</summary>
    public static async Task<bool> IsOfferedAsync(DiscoveryDbContext db, EntryCard entry, CancellationToken cancellationToken) =>
        await db.Kinds.AnyAsync(kind => kind.Key == entry.KindKey && kind.Members, cancellationToken);

    public static string BadgeAlt(EntryCard entry) => $"Featured in IMPALA's discovery series: {entry.Name}";

    public static string BadgeHtml(HttpContext http, EntryCard entry, string format = "svg", bool dark = false) => string.Create(CultureInfo.InvariantCulture,
        $"<a href=\"{AttributeText.Encode(PageUrl(http, entry))}\"><img src=\"{AttributeText.Encode(BadgeUrl(http, entry, format, dark))}\" alt=\"{AttributeText.Encode(BadgeAlt(entry))}\" width=\"{BadgeWidth}\" height=\"{BadgeHeight}\"></a>");

    public static string BadgeMarkdown(HttpContext http, EntryCard entry) =>
        $"[![{EscapeMarkdown(BadgeAlt(entry))}]({BadgeUrl(http, entry)})]({PageUrl(http, entry)})";

    public static string EmbedHtml(HttpContext http, EntryCard entry) => EmbedFrame.Html(http, entry.Path, entry.Name, EmbedFrame.Width, EmbedFrame.Height);

    public static string PageUrl(HttpContext http, EntryCard entry) => SiteAddress.Absolute(http, entry.Path);

    public static string BadgeUrl(HttpContext http, EntryCard entry, string format = "svg", bool dark = false) =>
        SiteAddress.Absolute(http, SitePaths.Badge(entry.KindKey, entry.Slug, format, dark));

    /// <summary>Brackets in a name ("[PIAS]") would end the image's text early; a backslash keeps them literal.</summary>
    private static string EscapeMarkdown(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
