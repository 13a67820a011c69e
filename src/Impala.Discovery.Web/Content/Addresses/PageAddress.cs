using System.Diagnostics.CodeAnalysis;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// A page of the site, read from its path or made to build one. The path is built by <see cref="SitePaths"/> and read
/// back only here, so the two directions cannot drift apart: members' links are the contract.
/// </summary>
/// <param name="Type">What page it is.</param>
/// <param name="Kind">The kind's key, for a kind index or an entry.</param>
/// <param name="Slug">The slug of an article, country, artist or entry.</param>
public sealed record PageAddress(PageType Type, string? Kind = null, string? Slug = null)
{
    public static readonly PageAddress Home = new(PageType.Home);

    public static PageAddress Entry(string kind, string slug) => new(PageType.Entry, kind, slug);

    public static PageAddress Article(string slug) => new(PageType.Article, Slug: slug);

    public static PageAddress KindIndex(string kind) => new(PageType.KindIndex, kind);

    public string Path => Type switch
    {
        PageType.Home => SitePaths.Home,
        PageType.About => SitePaths.About,
        PageType.Series => SitePaths.Series,
        PageType.Article => SitePaths.Article(Slug!),
        PageType.Countries => SitePaths.Countries,
        PageType.Country => SitePaths.Country(Slug!),
        PageType.Artists => SitePaths.Artists,
        PageType.Artist => SitePaths.Artist(Slug!),
        PageType.Search => SitePaths.Search,
        PageType.KindIndex => SitePaths.Kind(Kind!),
        _ => SitePaths.Entry(Kind!, Slug!),
    };

    /// <summary>The page at <paramref name="path"/> (see <see cref="TryParse"/>), or null when it names no page.</summary>
    public static PageAddress? FromPath(string? path) => TryParse(path, out var page) ? page : null;

    /// <summary>
    /// The page at <paramref name="path"/> as the site spells it: lower case, no trailing slash, no empty segment, no
    /// query. Whether the kind or slug exists is the store's to say; this says only what page the path would be.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? path, [NotNullWhen(true)] out PageAddress? page)
    {
        page = null;
        if (path is null || !path.StartsWith('/'))
        {
            return false;
        }

        if (path == SitePaths.Home)
        {
            page = Home;
            return true;
        }

        var segments = path[1..].Split('/');
        if (segments.Length > 2 || !segments.All(IsSlug))
        {
            return false;
        }

        page = segments switch
        {
            ["about"] => new(PageType.About),
            ["series"] => new(PageType.Series),
            ["countries"] => new(PageType.Countries),
            ["artists"] => new(PageType.Artists),
            ["search"] => new(PageType.Search),
            ["series", var slug] => Article(slug),
            ["countries", var slug] => new(PageType.Country, Slug: slug),
            ["artists", var slug] => new(PageType.Artist, Slug: slug),
            [var kind] when !SitePaths.ReservedSegments.Contains(kind) => KindIndex(kind),
            [var kind, var slug] when !SitePaths.ReservedSegments.Contains(kind) => Entry(kind, slug),
            _ => null,
        };
        return page is not null;
    }

    /// <summary>Lower-case ASCII letters and digits in words joined by single hyphens: what <see cref="Content.Slug"/> makes.</summary>
    public static bool IsSlug(string segment)
    {
        if (segment.Length == 0 || segment[0] == '-' || segment[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < segment.Length; i++)
        {
            var character = segment[i];
            if (!(char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || (character == '-' && segment[i - 1] != '-')))
            {
                return false;
            }
        }

        return true;
    }
}
