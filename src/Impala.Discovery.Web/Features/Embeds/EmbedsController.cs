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
    public async Task<IActionResult> Entry(string kind, string slug, string? theme, CancellationToken cancellationToken) =>
        EmbedTheme.Find(theme) is { } chosen ? Card(await EmbeddablePages.FindAsync(db, PageAddress.Entry(kind, slug), cancellationToken), chosen) : BadRequest();

    [HttpGetOrHead(SitePaths.EmbedArticleRoute)]
    public async Task<IActionResult> Article(string slug, string? theme, CancellationToken cancellationToken) =>
        EmbedTheme.Find(theme) is { } chosen ? Card(await EmbeddablePages.FindAsync(db, PageAddress.Article(slug), cancellationToken), chosen) : BadRequest();

    // A theme that names none is refused like the badge's, so that a member sees the typo while copying the snippet.
    private IActionResult Card(EmbedCard? card, EmbedTheme theme) => card is null ? NotFound() : View("Embed", new EmbedView(card, theme));
}
