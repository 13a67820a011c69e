using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Edge;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The answer for an address that shows no page now: a permanent redirect to where its page went, 410 Gone when the
/// page was deleted, and 404 only when it never showed one. Links from members' sites must never silently rot.
/// </summary>
public static class FormerAddresses
{
    /// <summary>The key under which a 410's reason reaches the error page (the same request, re-executed).</summary>
    public const string GoneReasonKey = "Discovery.GoneReason";

    public static async Task<IActionResult> FormerAddressAsync(
        this ControllerBase controller, DiscoveryDbContext db, PageAddress page, CancellationToken cancellationToken)
    {
        var fate = await db.FateAsync(page, cancellationToken);
        if (fate is { MovedTo: null, GoneReason: { } reason })
        {
            controller.HttpContext.Items[GoneReasonKey] = reason;
        }

        return fate switch
        {
            null => controller.NotFound(),
            { MovedTo: { } movedTo } => controller.PermanentRedirectToLocalPath(movedTo),
            _ => controller.StatusCode(StatusCodes.Status410Gone),
        };
    }

    /// <summary>
    /// For an address that stands for a page without being it (a filtered or later list page, an embed): 410 Gone, with
    /// the reason, when that page was taken off the site, as the page answers; 404 otherwise, a move included (a filter
    /// may not apply where the page went). Found by replay 8: a removed kind's filtered pages and its entries' embeds
    /// answered 404 while the kind's page and the entries' badges answered 410.
    /// </summary>
    public static async Task<IActionResult> GoneOrNotFoundAsync(
        this ControllerBase controller, DiscoveryDbContext db, PageAddress page, CancellationToken cancellationToken) =>
        await db.FateAsync(page, cancellationToken) is { MovedTo: null } ? await controller.FormerAddressAsync(db, page, cancellationToken) : controller.NotFound();
}
