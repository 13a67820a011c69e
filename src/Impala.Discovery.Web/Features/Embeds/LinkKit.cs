using System.Globalization;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>What a member copies to link to their entry: the permanent address, and the badge as HTML and as Markdown.</summary>
public static class LinkKit
{
    // The size /badge/{kind}/{slug}.svg is drawn at, so members' pages reserve the space before the badge loads.
    public const int BadgeWidth = Cards.Badge.Width;
    public const int BadgeHeight = Cards.Badge.Height;

    public static string BadgeAlt(EntryCard entry) => $"Featured in IMPALA's discovery series: {entry.Name}";

    public static string BadgeHtml(HttpContext http, EntryCard entry) => string.Create(CultureInfo.InvariantCulture,
        $"<a href=\"{AttributeText.Encode(PageUrl(http, entry))}\"><img src=\"{AttributeText.Encode(BadgeUrl(http, entry))}\" alt=\"{AttributeText.Encode(BadgeAlt(entry))}\" width=\"{BadgeWidth}\" height=\"{BadgeHeight}\"></a>");

    public static string BadgeMarkdown(HttpContext http, EntryCard entry) =>
        $"[![{EscapeMarkdown(BadgeAlt(entry))}]({BadgeUrl(http, entry)})]({PageUrl(http, entry)})";

    public static string PageUrl(HttpContext http, EntryCard entry) => SiteAddress.Absolute(http, entry.Path);

    private static string BadgeUrl(HttpContext http, EntryCard entry) => SiteAddress.Absolute(http, SitePaths.Badge(entry.KindKey, entry.Slug));

    /// <summary>Brackets in a name ("[PIAS]") would end the image's text early; a backslash keeps them literal.</summary>
    private static string EscapeMarkdown(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
