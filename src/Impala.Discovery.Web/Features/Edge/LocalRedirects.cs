using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>Every redirect the site sends goes through <see cref="LocalPath.IsLocal"/>: an address off the site becomes a 404.</summary>
public static class LocalRedirects
{
    public static IActionResult PermanentRedirectToLocalPath(this ControllerBase controller, string path) =>
        LocalPath.IsLocal(path) ? controller.RedirectPermanent(path) : controller.NotFound();

    /// <summary>Redirects the response, or returns false (and leaves it alone) when the address is not a local path.</summary>
    public static bool TryRedirectToLocalPath(this HttpResponse response, string path, bool permanent)
    {
        if (!LocalPath.IsLocal(path))
        {
            return false;
        }

        response.Redirect(path, permanent);
        return true;
    }
}
