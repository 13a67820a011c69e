using System.Diagnostics.CodeAnalysis;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// Any public path of the site, read: its area and, for what is built from a page (its card, artwork, embed, badge or
/// API answer), that page. Every place that reads a path reads it here; <see cref="SitePaths"/> builds them.
/// </summary>
/// <param name="Area">What part of the site the path belongs to.</param>
/// <param name="Page">The page it is, or is built from; null for services and files.</param>
/// <param name="Format">The file format a badge is asked in ("svg" or "png"), or "webp" for artwork's raster; else null.</param>
public sealed record SitePath(PathArea Area, PageAddress? Page = null, string? Format = null)
{
    private const string CardPrefix = "/cards";
    private const string ArtworkPrefix = "/artwork";
    private const string BadgePrefix = "/badge/";

    /// <summary>The services at fixed addresses besides pages.</summary>
    private static readonly HashSet<string> Services = new(StringComparer.Ordinal)
    {
        SitePaths.Feed, SitePaths.Sitemap, SitePaths.Robots, SitePaths.Favicon, SitePaths.ContentStatus, SitePaths.OEmbed,
        SitePaths.OpenApiDocument,
    };

    /// <summary>First segments of wwwroot's folders: their files are served as they are.</summary>
    private static readonly HashSet<string> FileFolders = new(StringComparer.OrdinalIgnoreCase) { "css", "js", "img", "fonts", "lib" };

    /// <summary>
    /// Reads <paramref name="path"/> (no query) as the site spells its addresses: lower case, no empty segment, no
    /// trailing slash. False for anything the site does not answer at, or answers only by redirecting.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? path, [NotNullWhen(true)] out SitePath? parsed)
    {
        parsed = Read(path);
        return parsed is not null;
    }

    private static SitePath? Read(string? path)
    {
        if (path is null || !path.StartsWith('/'))
        {
            return null;
        }

        if (PageAddress.TryParse(path, out var page))
        {
            return new(PathArea.Page, page);
        }

        if (Services.Contains(path))
        {
            return new(PathArea.Service);
        }

        var segments = path[1..].Split('/');
        if (segments.Any(segment => segment.Length == 0))
        {
            return null;
        }

        return segments[0] switch
        {
            "cards" when path == SitePaths.SocialCard(SitePaths.Home) => new(PathArea.Card, PageAddress.Home),
            "cards" => Built(PathArea.Card, path, CardPrefix, ".png", page => page.Type != PageType.Home),
            "artwork" => Built(PathArea.Artwork, path, ArtworkPrefix, ".svg", page => page.Type != PageType.Home)
                ?? (Built(PathArea.Artwork, path, ArtworkPrefix, ".webp", page => page.Type != PageType.Home) is { } raster ? raster with { Format = "webp" } : null),
            "embed" => Built(PathArea.Embed, path, SitePaths.EmbedRoot, "", page => page.Type is PageType.Entry or PageType.Article),
            "badge" => Badge(path),
            "api" => Api(segments),
            "preview" => segments switch
            {
                ["preview"] => new(PathArea.Preview),
                ["preview", var slug] when PageAddress.IsSlug(slug) => new(PathArea.Preview, PageAddress.Article(slug)),
                _ => null,
            },
            "pictures" when segments.Length == 3 => new(PathArea.Picture),
            "admin" => new(PathArea.Admin),
            "health" when segments is [_, "live" or "ready"] => new(PathArea.Health),
            "error" when segments is [_, var code] && int.TryParse(code, out _) => new(PathArea.Error),
            var folder when FileFolders.Contains(folder) => new(PathArea.StaticFile),
            // The icon at the top of wwwroot, and its compressed and fingerprinted names.
            var file when segments.Length == 1 && file.StartsWith("favicon.", StringComparison.Ordinal) => new(PathArea.StaticFile),
            _ => null,
        };
    }

    /// <summary>
    /// The area a request's path falls in, read leniently (any case, any rest) for the middleware that treats whole
    /// areas alike (headers, health, the starting page): null for pages and paths of no area.
    /// </summary>
    public static PathArea? AreaOf(PathString path)
    {
        foreach (var (prefix, area) in Prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest) && (area is not PathArea.Embed || (rest.HasValue && rest != "/")))
            {
                return area;
            }
        }

        return null;
    }

    private static readonly (string Prefix, PathArea Area)[] Prefixes =
    [
        ("/api", PathArea.Api), (SitePaths.EmbedRoot, PathArea.Embed), ("/admin", PathArea.Admin), ("/health", PathArea.Health),
        (CardPrefix, PathArea.Card), (ArtworkPrefix, PathArea.Artwork), ("/badge", PathArea.Badge), ("/pictures", PathArea.Picture),
    ];

    /// <summary>The last segment of any path, without a file extension: what a visitor who mistyped an address was looking for.</summary>
    public static string SoughtName(string path)
    {
        var last = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return Path.GetFileNameWithoutExtension(last);
    }

    /// <summary>The first segment of a path ("css" of /css/site.css), or null for a path of one segment.</summary>
    public static string? Folder(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } segments ? segments[0] : null;

    // A page's own path inside a prefix and before an extension, such as /cards/labels/ninja-tune.png.
    private static SitePath? Built(PathArea area, string path, string prefix, string extension, Func<PageAddress, bool> allowed) =>
        path.EndsWith(extension, StringComparison.Ordinal)
        && PageAddress.TryParse(path[prefix.Length..^extension.Length], out var page) && page.Type != PageType.Home && allowed(page)
            ? new(area, page)
            : null;

    private static SitePath? Badge(string path)
    {
        var format = path.EndsWith(".svg", StringComparison.Ordinal) ? "svg" : path.EndsWith(".png", StringComparison.Ordinal) ? "png" : null;
        return format is not null && PageAddress.TryParse("/" + path[BadgePrefix.Length..^4], out var page) && page.Type == PageType.Entry
            ? new(PathArea.Badge, page, format)
            : null;
    }

    private static SitePath? Api(string[] segments) => segments switch
    {
        ["api", "v1", "kinds" or "articles" or "search"] => new(PathArea.Api),
        ["api", "v1", "articles", var slug] when PageAddress.IsSlug(slug) => new(PathArea.Api, PageAddress.Article(slug)),
        ["api", "v1", "countries", var slug] when PageAddress.IsSlug(slug) => new(PathArea.Api, new PageAddress(PageType.Country, Slug: slug)),
        ["api", "v1", .. var rest] when rest.Length is 1 or 2 && PageAddress.TryParse("/" + string.Join('/', rest), out var page)
            && page.Type is PageType.KindIndex or PageType.Entry => new(PathArea.Api, page),
        _ => null,
    };
}
