using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Caching;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Pictures;

/// <summary>
/// Serves the renditions of editors' pictures that the import made (see <c>Content/Pictures</c>). Their addresses hold
/// the picture's hash, so a browser may keep them for a year without asking again; the same name is their ETag.
/// </summary>
public sealed partial class PicturesController(DiscoveryDbContext db) : Controller
{
    /// <summary>
    /// Renditions are read from the store as they are asked for: the page cache is kept for pages. Like static files,
    /// they are not rate limited: a page of 60 cards asks for 60 at once, each a lookup by key (a name that is no
    /// rendition is refused before the store is asked), and the bucket is for searches and filters.
    /// </summary>
    [HttpGetOrHead(SitePaths.PictureRoute)]
    [OutputCache(NoStore = true)]
    [DisableRateLimiting]
    public async Task<IActionResult> Rendition(string hash, string name, CancellationToken cancellationToken)
    {
        if (!HashPattern().IsMatch(hash) || NamePattern().Match(name) is not { Success: true } match)
        {
            return NotFound();
        }

        var bytes = await db.PictureRenditions.AsNoTracking()
            .Where(rendition => rendition.Hash == hash && rendition.Name == name)
            .Select(rendition => rendition.Bytes)
            .FirstOrDefaultAsync(cancellationToken);
        if (bytes is null)
        {
            return NotFound();
        }

        // The address names the bytes, so it is their tag: a browser's copy revalidates (304) and a cut download resumes (Range).
        Response.Headers.CacheControl = HttpCaching.Immutable;
        return File(bytes, match.Groups["format"].Value == "webp" ? "image/webp" : "image/jpeg", lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{hash}-{name}\""), enableRangeProcessing: true);
    }

    [GeneratedRegex("^[0-9a-f]{20}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"^(sq)?[0-9]{2,4}\.(?<format>webp|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
