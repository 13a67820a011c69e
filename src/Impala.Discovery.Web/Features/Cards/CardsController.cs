using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The pictures drawn on the server: social cards (/cards/…png) for every page, sleeves and covers (/artwork/…svg)
/// for entries and articles, and members' badges (/badge/{kind}/{slug}.svg|png). Paths mirror the page's own
/// (see <see cref="SitePaths"/>); a path with no page is the site's ordinary 404.
/// </summary>
public sealed class CardsController(PagePictures pictures, RenderedImages images) : Controller
{
    /// <summary>Cards and badges are made to be shown on other sites (link previews, members' pages).</summary>
    private const string EmbeddableByOthers = "cross-origin";

    private const string Png = "image/png";
    private const string Svg = "image/svg+xml";

    [HttpGetOrHead("/cards/{**page}")]
    public async Task<IActionResult> Card(string page, CancellationToken cancellationToken)
    {
        if (PagePath(page, ".png") is not { } pagePath)
        {
            return NotFound();
        }

        var png = await images.GetOrRenderAsync("card " + pagePath, async () =>
            await pictures.CardAsync(pagePath, cancellationToken) is { } card ? SocialCard.Draw(card.Text, card.Artwork).ToPng() : null);
        return Picture(png, Png, TimeSpan.FromDays(1), EmbeddableByOthers);
    }

    [HttpGetOrHead("/artwork/{**page}")]
    public async Task<IActionResult> Artwork(string page, CancellationToken cancellationToken)
    {
        if (PagePath(page, ".svg") is not { } pagePath || pagePath == SitePaths.Home)
        {
            return NotFound();
        }

        var svg = await images.GetOrRenderAsync("artwork " + pagePath, async () =>
            await pictures.ArtworkAsync(pagePath, cancellationToken) is { } artwork ? Utf8(artwork.ToSvg()) : null);
        return Picture(svg, Svg, TimeSpan.FromDays(1), crossOrigin: null);
    }

    /// <summary>
    /// A badge as SVG or PNG, light or, with ?theme=dark, dark. Any other theme is a 400: a member who mistyped it
    /// should see at once that the badge is not the one they asked for.
    /// </summary>
    [HttpGetOrHead("/badge/{kind}/{file}")]
    public async Task<IActionResult> Badge(string kind, string file, string? theme, CancellationToken cancellationToken)
    {
        var format = Path.GetExtension(file);
        var slug = Path.GetFileNameWithoutExtension(file);
        if (format is not (".svg" or ".png"))
        {
            return NotFound();
        }

        if (theme is not (null or "" or "light" or "dark"))
        {
            return BadRequest();
        }

        var dark = theme == "dark";
        var bytes = await images.GetOrRenderAsync($"badge {kind}/{slug}{format} {(dark ? "dark" : "light")}", async () =>
        {
            if (await pictures.EntrySubjectAsync(kind, slug, cancellationToken) is not { } entry)
            {
                return null;
            }

            var badge = Cards.Badge.Draw(entry.Sleeve, dark);
            return format == ".svg" ? Utf8(badge.ToSvg()) : badge.ToPng(scale: 2);
        });
        return Picture(bytes, format == ".svg" ? Svg : Png, TimeSpan.FromDays(7), EmbeddableByOthers);
    }

    /// <summary>The page a picture's path names: "home" is the home page, anything else the page's own path.</summary>
    private static string? PagePath(string? page, string extension)
    {
        if (page is null || !page.EndsWith(extension, StringComparison.Ordinal))
        {
            return null;
        }

        var path = page[..^extension.Length];
        return path == "home" ? SitePaths.Home : "/" + path;
    }

    private IActionResult Picture(byte[]? bytes, string contentType, TimeSpan maxAge, string? crossOrigin)
    {
        if (bytes is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}";
        if (crossOrigin is not null)
        {
            // Replaces the site-wide same-origin set by SecurityHeaders, for these pictures only.
            Response.Headers["Cross-Origin-Resource-Policy"] = crossOrigin;
        }

        return File(bytes, contentType);
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
