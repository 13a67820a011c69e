using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
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
/// Serves the renditions of editors' pictures, made on their first request (see <see cref="RenditionCache"/>). Their
/// addresses hold the picture's hash, so a browser may keep them for a year without asking again; the same name is
/// their ETag.
/// </summary>
public sealed partial class PicturesController(DiscoveryDbContext db, RenditionCache renditions) : Controller
{
    /// <summary>
    /// Only a picture the store knows, in a size it has, is served: a name that is no rendition is refused before
    /// anything is looked up, and an address no page shows or file names answers 404 alike on every instance, whatever
    /// its cache holds. Like static files, renditions are not rate limited: a page of 60 cards asks for 60 at once,
    /// and each is made once for the life of the cache, so what strangers can ask to be made is bounded by the content.
    /// </summary>
    [HttpGetOrHead(SitePaths.PictureRoute)]
    [OutputCache(NoStore = true)]
    [DisableRateLimiting]
    public async Task<IActionResult> Rendition(string hash, string name, CancellationToken cancellationToken)
    {
        // The route also matches with a trailing slash or an empty segment; the one address type says which is the address.
        if (!SitePath.TryParse(Request.Path.Value, out var address) || address.Area != PathArea.Picture
            || !HashPattern().IsMatch(hash) || PictureSizes.Parse(name) is not { } asked)
        {
            return NotFound();
        }

        var source = await db.PictureSources.AsNoTracking().FirstOrDefaultAsync(source => source.Hash == hash, cancellationToken);
        if (source is null || !PictureSizes.NamesFor(source.Width).Contains(name, StringComparer.Ordinal)
            || await renditions.GetAsync(source, name, cancellationToken) is not { } rendition)
        {
            return NotFound();
        }

        // The address names the bytes, so it is their tag: a browser's copy revalidates (304) and a cut download resumes (Range).
        Response.Headers.CacheControl = HttpCaching.Immutable;
        if (Request.Headers.Range.ToString() is { Length: > 0 } range && !range.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            // A range in a unit other than bytes ("items=0-1") must be ignored (RFC 9110, 14.2); the framework reads it as bytes.
            Request.Headers.Remove(HeaderNames.Range);
        }

        var type = asked.Format == "webp" ? "image/webp" : "image/jpeg";
        var tag = new EntityTagHeaderValue($"\"{hash}-{name}\"");
        DateTimeOffset? lastModified = rendition.Path is { } file ? new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(file)) : null;
        if (Request.Headers.Range.Count > 0 && Request.Headers.IfRange.ToString() is { Length: > 0 } ifRange && !IsOwnValidator(ifRange, tag, lastModified))
        {
            // The client's piece is of another version, or it sent no validator we can compare: the whole file, never a
            // part to splice onto it (RFC 9110, 13.1.5). The framework reads a value that is no validator ("zzz") as no
            // If-Range at all, and a date as "not older than the file", where only the same date is the same file.
            Request.Headers.Remove(HeaderNames.Range);
        }

        return rendition.Path is { } path
            ? PhysicalFile(path, type, lastModified, tag, enableRangeProcessing: true)
            : File(rendition.Bytes!, type, lastModified: null, tag, enableRangeProcessing: true);
    }

    /// <summary>
    /// Whether an If-Range value is this rendition's own validator: its ETag compared strongly (a weak tag never
    /// matches), or exactly its Last-Modified date, to the second the header carries.
    /// </summary>
    private static bool IsOwnValidator(string ifRange, EntityTagHeaderValue tag, DateTimeOffset? lastModified)
    {
        var value = ifRange.Trim();
        if (value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal))
        {
            return EntityTagHeaderValue.TryParse(value, out var sent) && !sent.IsWeak && sent.Compare(tag, useStrongComparison: true);
        }

        return lastModified is { } modified && HeaderUtilities.TryParseDate(value, out var date)
            && date == modified.AddTicks(-(modified.UtcTicks % TimeSpan.TicksPerSecond));
    }

    [GeneratedRegex("^[0-9a-f]{20}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashPattern();
}
