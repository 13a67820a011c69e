using System.Text;
using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Styles;

/// <summary>
/// /css/kinds.css, written from the store (see <see cref="KindStylesheet"/>). Asked for with its current fingerprint
/// (?v=, as every page links it) it is immutable for a year; any other address of it is kept for the page lifetime
/// and revalidated, so an old or made-up ?v= never pins today's text.
/// </summary>
public sealed class KindStylesController(KindStylesheet stylesheet) : Controller
{
    [HttpGetOrHead(KindStylesheet.Path)]
    public async Task<IActionResult> Kinds(string? v, CancellationToken cancellationToken)
    {
        var sheet = await stylesheet.CurrentAsync(HttpContext, cancellationToken);
        if (v == sheet.Fingerprint)
        {
            Response.Headers.CacheControl = HttpCaching.Immutable;
        }

        return Content(sheet.Css, "text/css", Encoding.UTF8);
    }
}
