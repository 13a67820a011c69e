using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Edge;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

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
    /// <param name="page">The page the API address asked for stands for, such as /labels/ninja-tune.</param>
    /// <param name="notFound">The problem's detail when the address never showed a page.</param>
    /// <param name="cancellationToken">Ends the lookup when the client goes away.</param>
    public static async Task<ActionResult> ApiFormerAddressAsync(this ControllerBase api, DiscoveryDbContext db, PageAddress page,
        string notFound, CancellationToken cancellationToken)
    {
        var fate = await db.FateAsync(page, cancellationToken);
        if (fate is null)
        {
            return api.Problem(notFound, statusCode: StatusCodes.Status404NotFound);
        }

        if (PageAddress.FromPath(fate.MovedTo) is { } movedTo && ApiAddressOf(movedTo) is { } apiAddress)
        {
            return (ActionResult)api.PermanentRedirectToLocalPath(apiAddress);
        }

        return api.Problem($"What was at {page.Path} has been taken out of the discovery series for good{(fate.GoneReason is { } reason ? ": " + reason : ".")}",
            statusCode: StatusCodes.Status410Gone);
    }

    /// <summary>The API address that answers for a page, for the pages the API has one for.</summary>
    private static string? ApiAddressOf(PageAddress page) => page switch
    {
        { Type: PageType.Entry, Kind: { } kind, Slug: { } slug } => SitePaths.ApiEntry(kind, slug),
        { Type: PageType.Article, Slug: { } slug } => SitePaths.ApiArticle(slug),
        { Type: PageType.Country, Slug: { } slug } => SitePaths.ApiCountry(slug),
        { Type: PageType.KindIndex, Kind: { } kind } => SitePaths.ApiKind(kind),
        _ => null,
    };
}
