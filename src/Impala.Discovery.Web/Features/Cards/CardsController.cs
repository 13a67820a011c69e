using System.Diagnostics;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The pictures drawn on the server: social cards (/cards/…png) for every page, sleeves and covers (/artwork/…svg)
/// for entries and articles, and members' badges (/badge/{kind}/{slug}.svg|png). Paths mirror the page's own
/// (see <see cref="SitePaths"/>); a path with no page, or any other spelling of a page's path ("//", a trailing
/// slash, an empty name), is the site's ordinary 404 before anything is drawn. The picture of a page that moved (a
/// renamed entry or article, its old address kept in Aliases) redirects to the picture at the page's new address.
/// </summary>
/// <remarks>
/// Each picture is drawn once per import and kept by the page cache like a page (bounded by its size, dropped after
/// each import): one address per picture is what keeps a crawler from filling memory or the cores with copies.
/// </remarks>
public sealed class CardsController(PagePictures pictures, DiscoveryDbContext db) : Controller
{
    /// <summary>Cards and badges are made to be shown on other sites (link previews, members' pages).</summary>
    private const string EmbeddableByOthers = "cross-origin";

    /// <summary>
    /// A card costs tens of milliseconds within the check's bounds on names (ParserLimits.MaxNameLength); a drawing
    /// still going after this is cut short between its stages rather than holding a core.
    /// </summary>
    private static readonly TimeSpan DrawingBudget = TimeSpan.FromSeconds(2);

    private const string Png = "image/png";
    private const string Svg = "image/svg+xml";
    private const string Webp = "image/webp";

    [HttpGetOrHead("/cards/{**page}")]
    public async Task<IActionResult> Card(CancellationToken cancellationToken)
    {
        var pagePath = PageOf(PathArea.Card);
        if (pagePath is null || await pictures.CardAsync(pagePath, cancellationToken) is not { } card)
        {
            return await MovedAsync(pagePath, now => SitePaths.SocialCard(now.Path), cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Unavailable();
        }

        var started = Stopwatch.GetTimestamp();
        var drawing = SocialCard.Draw(card.Text, card.Artwork);
        // The encoding costs as much as the drawing: not for a visitor who left, nor past the budget.
        return GivenUp(started, cancellationToken) ? Unavailable() : Picture(drawing.ToPng(), Png, TimeSpan.FromDays(1), EmbeddableByOthers);
    }

    /// <summary>
    /// Asked for as pages link it, with the content version they were rendered from (?v=, see
    /// <see cref="SitePaths.Artwork"/>), the artwork cannot change at that address: immutable for a year. Without ?v=
    /// it is drawn from today's content and kept a day; an older version that a page kept in some cache still names (or
    /// a made-up one) is redirected to the current one, see <see cref="LocalRedirects.ToCurrentVersion"/>.
    /// </summary>
    [HttpGetOrHead("/artwork/{**page}")]
    public async Task<IActionResult> Artwork(string? v, [FromServices] ContentValidators validators, CancellationToken cancellationToken)
    {
        // Read before drawing: an import commits the store before it announces its version, so what is drawn next is of
        // this version or, should an import commit meanwhile, a newer one; never an older drawing at a current address.
        var current = (await validators.CurrentAsync(cancellationToken)).Version;
        if (!SitePath.TryParse(Request.Path.Value, out var path) || path is not { Area: PathArea.Artwork, Page: { } page })
        {
            return NotFound();
        }

        if (await pictures.ArtworkAsync(page, cancellationToken) is not { } artwork)
        {
            return await MovedAsync(page, now => SitePaths.Artwork(now.Path, v is null ? null : current, path.Format ?? "svg"), cancellationToken);
        }

        if (this.ToCurrentVersion(v, current, SitePaths.Artwork(page.Path, current, path.Format ?? "svg")) is { } redirect)
        {
            return redirect;
        }

        var picture = path.Format == "webp"
            ? Picture(artwork.ToWebp(Sleeve.ListPixels), Webp, TimeSpan.FromDays(1), crossOrigin: null)
            : Picture(Utf8(artwork.ToSvg()), Svg, TimeSpan.FromDays(1), crossOrigin: null);
        if (v == current)
        {
            Response.Headers.CacheControl = HttpCaching.Immutable;
        }

        return picture;
    }

    /// <summary>
    /// A badge as SVG or PNG, light or, with ?theme=dark, dark. Any other theme is a 400: a member who mistyped it
    /// should see at once that the badge is not the one they asked for. Members' snippets name no version and are kept
    /// a week; the entry page's preview names the content version (?v=) and is immutable, like artwork.
    /// </summary>
    [HttpGetOrHead("/badge/{kind}/{file}")]
    public async Task<IActionResult> Badge(string? theme, string? v, [FromServices] ContentValidators validators, CancellationToken cancellationToken)
    {
        var current = (await validators.CurrentAsync(cancellationToken)).Version;
        if (!SitePath.TryParse(Request.Path.Value, out var path) || path is not { Area: PathArea.Badge, Page: { } page, Format: { } format })
        {
            return NotFound();
        }

        if (theme is not (null or "" or "light" or "dark"))
        {
            return BadRequest();
        }

        if (await pictures.EntrySubjectAsync(page.Kind!, page.Slug!, cancellationToken) is not { } entry)
        {
            return await MovedAsync(page, now => SitePaths.Badge(now.Kind!, now.Slug!, format, theme == "dark", v is null ? null : current), cancellationToken);
        }

        if (this.ToCurrentVersion(v, current, SitePaths.Badge(page.Kind!, page.Slug!, format, theme == "dark", current)) is { } redirect)
        {
            return redirect;
        }

        var started = Stopwatch.GetTimestamp();
        var badge = Cards.Badge.Draw(entry.Sleeve, dark: theme == "dark");
        if (GivenUp(started, cancellationToken))
        {
            return Unavailable();
        }

        var picture = Picture(format == "svg" ? Utf8(badge.ToSvg()) : badge.ToPng(scale: 2), format == "svg" ? Svg : Png, TimeSpan.FromDays(7), EmbeddableByOthers);
        if (v == current)
        {
            Response.Headers.CacheControl = HttpCaching.Immutable;
        }

        return picture;
    }

    /// <summary>
    /// True when the visitor left (the request's token is <c>RequestAborted</c>) or the drawing has taken longer than
    /// <see cref="DrawingBudget"/>: the stages are synchronous, so the next one is not started. Timed from the drawing's
    /// start, not the request's: on a busy machine the lookups before it could take that long, and a badge that costs
    /// milliseconds was refused (503) although nothing costly was asked (seen in CI).
    /// </summary>
    private static bool GivenUp(long started, CancellationToken requestAborted) =>
        requestAborted.IsCancellationRequested || Stopwatch.GetElapsedTime(started) > DrawingBudget;

    /// <summary>
    /// For a page address that shows nothing now: a permanent redirect to the same picture of the page it moved to, as
    /// the page's own address redirects (a member's badge, a card a social network keeps), else the ordinary 404.
    /// </summary>
    private async Task<IActionResult> MovedAsync(PageAddress? page, Func<PageAddress, string> pictureOf, CancellationToken cancellationToken) =>
        page is null ? NotFound() : await db.FateAsync(page, cancellationToken) switch
        {
            { MovedTo: { } movedTo } when PageAddress.FromPath(movedTo) is { } now && now.Type == page.Type => this.PermanentRedirectToLocalPath(pictureOf(now)),
            // Taken off the site, as its page says (410): a member's pasted badge then says gone, not "never was".
            { MovedTo: null } => StatusCode(StatusCodes.Status410Gone),
            _ => NotFound(),
        };

    /// <summary>Not kept by the page cache (it keeps 200s only), so the next request draws again.</summary>
    private StatusCodeResult Unavailable()
    {
        Response.Headers.RetryAfter = "10";
        return StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// The page a card's or artwork's path names, read from the path as requested: "//" or a trailing "/", which
    /// routing reads as the address without them, name no page, so each picture has one address.
    /// </summary>
    private PageAddress? PageOf(PathArea area) =>
        SitePath.TryParse(Request.Path.Value, out var path) && path.Area == area ? path.Page : null;

    private FileContentResult Picture(byte[] bytes, string contentType, TimeSpan maxAge, string? crossOrigin)
    {
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
