using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The API's answer for an entry or article that is not there, from the record the pages answer from (see
/// <see cref="FormerAddresses"/>): a permanent redirect to the API address of where its page went, 410 Gone when the
/// page was deleted, and 404 only when it never showed one. A member's script that reads its entry must hear the same
/// as a visitor to the page, not a 404 that reads like a typo.
/// </summary>
public static class ApiFormerAddresses
{
    /// <param name="api">The API controller answering.</param>
    /// <param name="db">The store.</param>
    /// <param name="pagePath">The page address the API address asked for stands for, such as /labels/ninja-tune.</param>
    /// <param name="apiAddressOf">The API address of the page an address moved to; null if it has none.</param>
    /// <param name="notFound">The problem's detail when the address never showed a page.</param>
    /// <param name="cancellationToken">Ends the lookup when the client goes away.</param>
    public static async Task<ActionResult> ApiFormerAddressAsync(this ControllerBase api, DiscoveryDbContext db, string pagePath,
        Func<string, Task<string?>> apiAddressOf, string notFound, CancellationToken cancellationToken)
    {
        var former = await db.FormerAddresses.AsNoTracking().FirstOrDefaultAsync(f => f.Path == pagePath, cancellationToken);
        if (former is null)
        {
            return api.Problem(notFound, statusCode: StatusCodes.Status404NotFound);
        }

        if (former.MovedTo is { } movedTo && await apiAddressOf(movedTo) is { } apiAddress)
        {
            return (ActionResult)api.PermanentRedirectToLocalPath(apiAddress);
        }

        return api.Problem($"What was at {pagePath} has been taken out of the discovery series for good{(former.Reason is { } reason ? ": " + reason : ".")}",
            statusCode: StatusCodes.Status410Gone);
    }
}
