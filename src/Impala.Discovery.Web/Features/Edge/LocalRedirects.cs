using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>Every redirect the site sends goes through <see cref="LocalPath.IsLocal"/>: an address off the site becomes a 404.</summary>
public static class LocalRedirects
{
    public static IActionResult PermanentRedirectToLocalPath(this ControllerBase controller, string path) =>
        LocalPath.IsLocal(path) ? controller.RedirectPermanent(path) : controller.NotFound();

    /// <summary>
    /// For an address that names the content version it was linked with (?v= on artwork and badges):
    /// null when it names none or the current one, else a temporary redirect to <paramref name="currentPath"/>. Each
    /// made-up or outdated version would otherwise be drawn again and kept in the page cache under an address of its
    /// own; a page some cache still holds gets today's picture one hop later.
    /// </summary>
    public static IActionResult? ToCurrentVersion(this ControllerBase controller, string? asked, string current, string currentPath) =>
        asked is null || asked == current ? null
        : LocalPath.IsLocal(currentPath) ? controller.Redirect(currentPath)
        : controller.NotFound();

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
