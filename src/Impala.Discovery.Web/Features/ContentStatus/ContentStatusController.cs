using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// Editors' pages: what became of every content file in the last import (so an editor sees why an article is missing
/// without a server log), linking to the previews (see <c>Features/Preview</c>). They show drafts, so they are not public:
/// see <see cref="EditorsGate"/>; anyone else gets the ordinary 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize(Policy = EditorsGate.Policy)]
[OutputCache(NoStore = true)]
public sealed class ContentStatusController(ContentImporter importer) : Controller
{
    [HttpGetOrHead(SitePaths.ContentStatus)]
    public IActionResult Index()
    {
        KeepPrivate();
        var meta = new PageMeta($"Content status · {HomeController.SiteName}", "What became of every content file in the last import.", CanonicalPath: null);
        return View(new ContentStatusViewModel(meta, importer.LastReport));
    }

    private void KeepPrivate()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
