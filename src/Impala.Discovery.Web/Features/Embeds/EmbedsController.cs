using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// The small cards other sites may put in an iframe: /embed/{kind}/{slug} and /embed/series/{slug}. They are the
/// only pages allowed to be framed (see SecurityHeaders); the oEmbed answer points at them.
/// </summary>
public sealed class EmbedsController(DiscoveryDbContext db) : Controller
{
    [HttpGetOrHead(SitePaths.EmbedEntryRoute)]
    public Task<IActionResult> Entry(string kind, string slug, string? theme, CancellationToken cancellationToken) =>
        CardAsync(PageAddress.Entry(kind, slug), theme, cancellationToken);

    [HttpGetOrHead(SitePaths.EmbedArticleRoute)]
    public Task<IActionResult> Article(string slug, string? theme, CancellationToken cancellationToken) =>
        CardAsync(PageAddress.Article(slug), theme, cancellationToken);

    // A theme that names none is refused like the badge's, so that a member sees the typo while copying the snippet. A
    // page taken off the site is 410 in a member's frame too, as its page and badge answer.
    private async Task<IActionResult> CardAsync(PageAddress page, string? theme, CancellationToken cancellationToken) =>
        EmbedTheme.Find(theme) is not { } chosen ? BadRequest()
        : await EmbeddablePages.FindAsync(db, page, cancellationToken) is { } card ? View("Embed", new EmbedView(card, chosen))
        : await this.GoneOrNotFoundAsync(db, page, cancellationToken);
}
