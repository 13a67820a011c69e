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
    public async Task<IActionResult> Entry(string kind, string slug, CancellationToken cancellationToken) =>
        Card(await EmbeddablePages.EntryAsync(db, kind, slug, cancellationToken));

    [HttpGetOrHead(SitePaths.EmbedArticleRoute)]
    public async Task<IActionResult> Article(string slug, CancellationToken cancellationToken) =>
        Card(await EmbeddablePages.ArticleAsync(db, slug, cancellationToken));

    private IActionResult Card(EmbedCard? card) => card is null ? NotFound() : View("Embed", card);
}
