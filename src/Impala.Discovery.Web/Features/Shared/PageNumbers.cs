using Impala.Discovery.Web.Features.Edge;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>What a paged index answers for a page number that names no page of its own.</summary>
public static class PageNumbers
{
    /// <summary>
    /// 400 for a malformed number or one below 1; a permanent redirect from ?page=1 to the index itself, so each page
    /// has one address; null when the number may name a page (whether it exists depends on the count).
    /// </summary>
    public static IActionResult? RefuseOrRedirect(this Controller controller, int? page, string firstPagePath) =>
        !controller.ModelState.IsValid || page < 1 ? controller.BadRequest()
        : page == 1 ? controller.PermanentRedirectToLocalPath(firstPagePath)
        : null;
}
