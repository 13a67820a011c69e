using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Impala.Discovery.Web.Features.Caching;

/// <summary>Which answers are compressed, and which encoding a request gets: Brotli, else gzip, else none.</summary>
public static class ContentEncodings
{
    /// <summary>Text formats the site and its endpoints send; PNG cards are compressed already and left alone.</summary>
    public static readonly IReadOnlySet<string> CompressedTypes = new HashSet<string>(
        [
            .. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/atom+xml", "application/problem+json",
            "application/ld+json", "application/manifest+json", "image/x-icon", "image/vnd.microsoft.icon",
        ],
        StringComparer.OrdinalIgnoreCase);

    // "text/html; charset=utf-8" is looked up by its "text/html" without cutting a new string for every answer.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompressedTypeNames =
        ((HashSet<string>)CompressedTypes).GetAlternateLookup<ReadOnlySpan<char>>();

    // Nearly every request from one browser carries the same Accept-Encoding: remember the last one read.
    private static Tuple<string, string?> _last = Tuple.Create("", (string?)null);

    public static bool IsCompressible(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        return separator < 0 ? CompressedTypes.Contains(contentType) : CompressedTypeNames.Contains(contentType.AsSpan(0, separator).Trim());
    }

    // The site's own drawn pictures (cards and badges as PNG, list artwork as WebP; pictures are not kept by the page
    // cache) are compressed formats: their answer is the same bytes whatever the client accepts.
    private static readonly string[] CompressedImageExtensions = [".png", ".webp", ".jpg"];

    /// <summary>
    /// Whether the address names a compressed image, known from the request alone (before anything is drawn), so
    /// that the page cache keeps one copy of it rather than one per encoding, each drawn again under its own ETag.
    /// </summary>
    public static bool NamesCompressedImage(PathString path) =>
        path.Value is { } value && CompressedImageExtensions.Any(extension => value.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>"br" or "gzip", the one the client ranks higher (Brotli on a tie, as it is smaller), or null for none.</summary>
    public static string? Choose(StringValues acceptEncoding)
    {
        var header = acceptEncoding.ToString();
        var last = Volatile.Read(ref _last);
        if (string.Equals(header, last.Item1, StringComparison.Ordinal))
        {
            return last.Item2;
        }

        var choice = Parse(acceptEncoding);
        Volatile.Write(ref _last, Tuple.Create(header, choice));
        return choice;
    }

    private static string? Parse(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var values))
        {
            return null;
        }

        double? brotli = null, gzip = null, any = null;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1;
            if (value.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = quality;
            }
            else if (value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
            else if (value.Value.Equals("*", StringComparison.Ordinal))
            {
                any = quality;
            }
        }

        var brotliQuality = brotli ?? any ?? 0;
        var gzipQuality = gzip ?? any ?? 0;
        return brotliQuality <= 0 && gzipQuality <= 0 ? null : brotliQuality >= gzipQuality ? "br" : "gzip";
    }
}
