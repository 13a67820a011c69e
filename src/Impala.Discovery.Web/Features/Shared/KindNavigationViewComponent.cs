using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>The site's main menu. Kinds are data, so the menu is read from the store, not written in the layout.</summary>
public sealed class KindNavigationViewComponent(DiscoveryDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await db.KindSummariesAsync(HttpContext.RequestAborted));
}
