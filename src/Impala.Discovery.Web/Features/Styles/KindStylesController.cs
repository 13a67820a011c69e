using System.Text;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Styles;

/// <summary>
/// Each kind's colour comes from kinds.yml, so its CSS is written from the store. A stylesheet rather than
/// inline styles keeps the Content-Security-Policy strict (no 'unsafe-inline').
/// </summary>
public sealed class KindStylesController(DiscoveryDbContext db) : Controller
{
    [HttpGetOrHead("/css/kinds.css")]
    [ResponseCache(Duration = 300)]
    public async Task<IActionResult> Kinds(CancellationToken cancellationToken)
    {
        var kinds = await db.Kinds.AsNoTracking().OrderBy(kind => kind.Position).ToListAsync(cancellationToken);
        var css = new StringBuilder();
        foreach (var kind in kinds)
        {
            // Colours are checked at import to be #hex, so they are safe to write here as they are.
            css.Append(FormattableString.Invariant($".kind-{kind.Key} {{ --kind: {kind.Colour}; }}\n"));
        }

        return Content(css.ToString(), "text/css", Encoding.UTF8);
    }
}
