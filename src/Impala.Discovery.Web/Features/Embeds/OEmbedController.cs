using Impala.Discovery.Web.Content.Addresses;
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
    // The card's three layouts (see .embed-card in site.css): the common 400 × 300 box, the 300 × 250 "medium
    // rectangle" for a narrower column, and a row across a column wide enough for one.
    private const int BoxWidth = EmbedFrame.Width;
    private const int BoxHeight = EmbedFrame.Height;
    private const int SmallWidth = 300;
    private const int SmallHeight = 250;
    private const int RowMinWidth = 600;
    private const int RowMaxWidth = 800;
    private const int RowHeight = 160;

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
            return string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase)
                ? Refusal(StatusCodes.Status501NotImplemented, "Only format=json is served.")
                : Refusal(StatusCodes.Status400BadRequest, $"Unknown format '{format}': ask for format=json, or leave it out.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return Refusal(StatusCodes.Status400BadRequest, "'url' must be the full http or https address of an entry or article page of this site.");
        }

        if (!TryReadSize(maxwidth, out var maxWidth) || !TryReadSize(maxheight, out var maxHeight))
        {
            return Refusal(StatusCodes.Status400BadRequest, "'maxwidth' and 'maxheight' are whole numbers of pixels, greater than 0.");
        }

        // Only this site's own pages: the host the site names itself by (SiteAddress), whatever the scheme.
        var siteHost = new Uri(SiteAddress.Absolute(HttpContext, SitePaths.Home)).Host;
        if (!string.Equals(address.Host, siteHost, StringComparison.OrdinalIgnoreCase)
            || await EmbeddablePages.FromPathAsync(db, address.AbsolutePath, cancellationToken) is not { } card)
        {
            // A page taken off the site is 410 here too, as the page and its embed answer (found by replay 8).
            return string.Equals(address.Host, siteHost, StringComparison.OrdinalIgnoreCase)
                && PageAddress.FromPath(address.AbsolutePath.ToLowerInvariant().TrimEnd('/')) is { } page
                && await db.FateAsync(page, cancellationToken) is { MovedTo: null } gone
                ? Refusal(StatusCodes.Status410Gone, $"That page was taken off the site{(gone.GoneReason is { } reason ? ": " + reason : ".")} Nothing to embed.")
                : Refusal(StatusCodes.Status404NotFound, "There is no entry or article of this site at that address, so nothing to embed.");
        }

        var (width, height) = maxWidth switch
        {
            >= RowMinWidth => (Math.Min(maxWidth.Value, RowMaxWidth), RowHeight),
            < BoxWidth => (Math.Min(maxWidth.Value, SmallWidth), SmallHeight),
            _ => (BoxWidth, BoxHeight),
        };
        height = Math.Min(height, maxHeight ?? height);
        var frame = EmbedFrame.Html(HttpContext, card.PagePath, card.Name, width, height);

        // The thumbnail, too, must fit in maxwidth × maxheight, and the social card comes in one size only.
        var thumbnailFits = (maxWidth ?? ThumbnailWidth) >= ThumbnailWidth && (maxHeight ?? ThumbnailHeight) >= ThumbnailHeight;
        return Json(new OEmbedResponse(card.Name, HomeController.SiteName, SiteAddress.Absolute(HttpContext, SitePaths.Home), frame, width, height)
        {
            ThumbnailUrl = thumbnailFits ? SiteAddress.Absolute(HttpContext, SitePaths.SocialCard(card.PagePath)) : null,
            ThumbnailWidth = thumbnailFits ? ThumbnailWidth : null,
            ThumbnailHeight = thumbnailFits ? ThumbnailHeight : null,
        });
    }

    /// <summary>
    /// A refusal an oEmbed consumer can read, often a script on another site: problem details (RFC 9457) like the API's,
    /// with the right status, never the site's HTML error page (which is for people).
    /// </summary>
    private ObjectResult Refusal(int status, string detail) => Problem(detail, SitePaths.OEmbed, status);

    /// <summary>A maximum size is absent or a positive whole number of pixels.</summary>
    private static bool TryReadSize(string? written, out int? size)
    {
        size = null;
        if (string.IsNullOrEmpty(written))
        {
            return true;
        }

        if (DecimalDigits.TryParse(written, out var pixels) && pixels > 0)
        {
            size = pixels;
            return true;
        }

        return false;
    }
}
