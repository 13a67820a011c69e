using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Edge;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        this ControllerBase controller, DiscoveryDbContext db, string path, CancellationToken cancellationToken)
    {
        var former = await db.FormerAddresses.AsNoTracking().FirstOrDefaultAsync(f => f.Path == path, cancellationToken);
        if (former is { MovedTo: null, Reason: { } reason })
        {
            controller.HttpContext.Items[GoneReasonKey] = reason;
        }

        return former switch
        {
            null => controller.NotFound(),
            { MovedTo: { } movedTo } => controller.PermanentRedirectToLocalPath(movedTo),
            _ => controller.StatusCode(StatusCodes.Status410Gone),
        };
    }
}
