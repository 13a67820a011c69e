using System.Security.Cryptography;
using System.Text;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Home;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.ContentStatus;

/// <summary>
/// What became of every content file in the last import, with each error's place and fix: editors see why an article
/// is missing without a server log. It names drafts, so it is not public: open in Development, and in Production only
/// with Discovery:StatusToken; anyone else gets the ordinary 404.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(NoStore = true)]
public sealed class ContentStatusController(ContentImporter importer, IOptions<DiscoveryOptions> options, IWebHostEnvironment environment) : Controller
{
    public const string Path = "/content-status";
    public const string TokenHeader = "X-Status-Token";

    [HttpGetOrHead(Path)]
    public IActionResult Index([FromQuery] string? token)
    {
        if (!MayOpen(token ?? Request.Headers[TokenHeader].ToString()))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var meta = new PageMeta($"Content status · {HomeController.SiteName}", "What became of every content file in the last import.", CanonicalPath: null);
        return View(new ContentStatusViewModel(meta, importer.LastReport));
    }

    private bool MayOpen(string given)
    {
        if (environment.IsDevelopment())
        {
            return true;
        }

        var expected = options.Value.StatusToken;
        return expected.Length > 0
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
