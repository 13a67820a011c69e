using Impala.Discovery.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Impala.Discovery.Web.Features.Admin;

/// <summary>
/// The browser editor: Decap CMS, served from the site's own files (wwwroot/admin/decap, see its VENDORED.md), with a
/// config.yml built from kinds.yml as it is on disk now. Editors log in at the git host; the page itself holds nothing
/// private, but it is no page for search engines or the page cache.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[OutputCache(NoStore = true)]
public sealed class AdminController(ContentFolder content, IOptions<AdminOptions> options) : Controller
{
    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>Editor · Impala Discovery</title>
          <link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
        </head>
        <body>
          <script src="/admin/decap/decap-cms.js"></script>
          <script src="/admin/preview.js"></script>
        </body>
        </html>
        """;

    // Routing ignores a trailing slash: this answers /admin and /admin/ alike (the editor's addresses are absolute).
    [HttpGet(AdminPolicy.Root)]
    public IActionResult Index()
    {
        KeepPrivate();
        return Content(Page, "text/html; charset=utf-8");
    }

    [HttpGet(AdminPolicy.Root + "/config.yml")]
    public IActionResult Config()
    {
        KeepPrivate();
        var kinds = content.ReadCatalog();
        return kinds.Succeeded
            ? Content(AdminConfig.Yaml(options.Value, kinds.Value!.Catalog), "text/yaml; charset=utf-8")
            : StatusCode(StatusCodes.Status503ServiceUnavailable, "The editor cannot start while content/kinds.yml has errors: "
                + string.Join(" ", kinds.Errors.Select(error => error.ToString())));
    }

    private void KeepPrivate()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
