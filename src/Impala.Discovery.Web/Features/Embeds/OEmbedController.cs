using System.Globalization;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// The oEmbed provider (https://oembed.com): given the address of any entry or article of this site, the HTML that
/// embeds its card. Blogs and forums that know the site ask here when a member pastes a link.
/// </summary>
public sealed class OEmbedController(DiscoveryDbContext db) : Controller
{
    // The card reads well at this size; narrower, its name and caption wrap and it needs more height.
    private const int CardWidth = 480;
    private const int CardHeight = 200;
    private const int NarrowWidth = 360;
    private const int NarrowCardHeight = 260;

    // The social card's size, drawn by the cards feature.
    private const int ThumbnailWidth = 1200;
    private const int ThumbnailHeight = 630;

    [HttpGetOrHead(SitePaths.OEmbed)]
    public async Task<IActionResult> OEmbed(string? url, string? format, string? maxwidth, string? maxheight, CancellationToken cancellationToken)
    {
        // The specification's answer to a format the provider does not write (XML, its other one) is 501; JSON is the
        // only one here. Anything else is no format at all, and a bad request like any other malformed parameter.
        if (format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase) ? StatusCode(StatusCodes.Status501NotImplemented) : BadRequest();
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || !TryReadSize(maxwidth, out var maxWidth) || !TryReadSize(maxheight, out var maxHeight))
        {
            return BadRequest();
        }

        // Only this site's own pages: the host the site names itself by (SiteAddress), whatever the scheme.
        var siteHost = new Uri(SiteAddress.Absolute(HttpContext, SitePaths.Home)).Host;
        if (!string.Equals(address.Host, siteHost, StringComparison.OrdinalIgnoreCase)
            || await EmbeddablePages.FromPathAsync(db, address.AbsolutePath, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        var width = Math.Min(CardWidth, maxWidth ?? CardWidth);
        var height = Math.Min(width < NarrowWidth ? NarrowCardHeight : CardHeight, maxHeight ?? int.MaxValue);
        var title = $"{card.Name} on {HomeController.SiteName}";
        var frame = string.Create(CultureInfo.InvariantCulture,
            $"<iframe src=\"{AttributeText.Encode(SiteAddress.Absolute(HttpContext, SitePaths.Embed(card.PagePath)))}\" width=\"{width}\" height=\"{height}\" title=\"{AttributeText.Encode(title)}\" loading=\"lazy\"></iframe>");

        // The thumbnail, too, must fit in maxwidth × maxheight, and the social card comes in one size only.
        var thumbnailFits = (maxWidth ?? ThumbnailWidth) >= ThumbnailWidth && (maxHeight ?? ThumbnailHeight) >= ThumbnailHeight;
        return Json(new OEmbedResponse(card.Name, HomeController.SiteName, SiteAddress.Absolute(HttpContext, SitePaths.Home), frame, width, height)
        {
            ThumbnailUrl = thumbnailFits ? SiteAddress.Absolute(HttpContext, SitePaths.SocialCard(card.PagePath)) : null,
            ThumbnailWidth = thumbnailFits ? ThumbnailWidth : null,
            ThumbnailHeight = thumbnailFits ? ThumbnailHeight : null,
        });
    }

    /// <summary>A maximum size is absent or a positive whole number of pixels.</summary>
    private static bool TryReadSize(string? written, out int? size)
    {
        size = null;
        if (string.IsNullOrEmpty(written))
        {
            return true;
        }

        if (int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var pixels) && pixels > 0)
        {
            size = pixels;
            return true;
        }

        return false;
    }
}
