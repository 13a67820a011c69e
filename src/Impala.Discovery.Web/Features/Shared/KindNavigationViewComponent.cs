using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>The site's main menu. Kinds are data, so the menu is read from the store, not written in the layout.</summary>
public sealed class KindNavigationViewComponent(DiscoveryDbContext db, ILogger<KindNavigationViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        try
        {
            return View(await db.KindSummariesAsync(HttpContext.RequestAborted));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The error pages have this menu too: when the store cannot be read (its folder deleted, a table lost) the
            // 500 page must still render, with the menu's fixed links, rather than fail into an empty answer.
            logger.LogWarning(exception, "The menu is shown without its kinds: the store could not be read");
            return View(Array.Empty<KindSummary>());
        }
    }
}
