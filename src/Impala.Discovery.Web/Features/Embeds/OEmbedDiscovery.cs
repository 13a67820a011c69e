using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Html;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>The link in a page's head through which oEmbed consumers find the provider's answer for that page.</summary>
public static class OEmbedDiscovery
{
    public const string Type = "application/json+oembed";

    /// <remarks>
    /// Written by hand rather than with a TagBuilder, which would write the type as "application/json&amp;#x2B;oembed":
    /// the same to a browser, but consumers such as WordPress look for the type as plain text.
    /// </remarks>
    public static IHtmlContent Link(HttpContext http, string pagePath, string title)
    {
        var href = SiteAddress.Absolute(http, SitePaths.OEmbedFor(SiteAddress.Absolute(http, pagePath)));
        return new HtmlString($"<link rel=\"alternate\" type=\"{Type}\" href=\"{AttributeText.Encode(href)}\" title=\"{AttributeText.Encode(title)}\">");
    }
}
