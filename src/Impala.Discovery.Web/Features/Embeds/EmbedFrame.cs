using System.Globalization;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>The iframe that shows a page's embed on another site: the one the oEmbed answer gives and the link kit offers.</summary>
public static class EmbedFrame
{
    /// <summary>The card's common box; the oEmbed answer picks other sizes for other columns.</summary>
    public const int Width = 400;
    public const int Height = 300;

    /// <remarks>
    /// Borderless, as the card draws its own edge; max-width lets a narrower column shrink it, and the card's layout
    /// follows. A theme other than auto is written into the address, so the member's choice travels with the snippet.
    /// </remarks>
    public static string Html(HttpContext http, string pagePath, string name, int width, int height, EmbedTheme? theme = null)
    {
        var src = SiteAddress.Absolute(http, SitePaths.Embed(pagePath)) + (theme is null || theme == EmbedTheme.Auto ? "" : "?theme=" + theme.Name);
        var title = $"{name} on {HomeController.SiteName}";
        return string.Create(CultureInfo.InvariantCulture,
            $"<iframe src=\"{AttributeText.Encode(src)}\" width=\"{width}\" height=\"{height}\" style=\"border:0;max-width:100%\" title=\"{AttributeText.Encode(title)}\" loading=\"lazy\"></iframe>");
    }
}
