namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// Every public path of the site is built here, and only here: permanent addresses are the members' contract, so
/// their shape lives in one place, with the one list of first segments the site keeps for itself.
/// </summary>
/// <remarks>Slugs are lower-case ASCII (see <see cref="Content.Slug"/>), so no segment needs escaping.</remarks>
public static class SitePaths
{
    public const string Home = "/";
    public const string About = "/about";
    public const string Series = "/series";
    public const string Countries = "/countries";
    public const string Artists = "/artists";
    public const string Search = "/search";
    public const string Feed = "/feed.xml";
    public const string Sitemap = "/sitemap.xml";
    public const string Robots = "/robots.txt";
    public const string Favicon = "/favicon.ico";
    public const string ContentStatus = "/content-status";
    public const string OEmbed = "/oembed";
    public const string OpenApiDocument = "/openapi/v1.json";
    public const string Api = "/api/v1";

    /// <summary>Route templates for the pages whose path has a slug; they must agree with the builders below.</summary>
    public const string ArticleRoute = Series + "/{slug}";
    public const string CountryRoute = Countries + "/{slug}";
    public const string ArtistRoute = Artists + "/{slug}";
    public const string PreviewRoute = "/preview/{slug}";
    public const string EmbedEntryRoute = EmbedRoot + "/{kind}/{slug}";
    public const string EmbedArticleRoute = EmbedRoot + ArticleRoute;

    /// <summary>The one part of the site other sites may frame (see SecurityHeaders).</summary>
    public const string EmbedRoot = "/embed";

    /// <summary>
    /// First segments the site uses itself. A kind named like one would hide that page, so kinds.yml may not use them;
    /// a content link to one of the slug-less pages is always good.
    /// </summary>
    public static readonly IReadOnlySet<string> ReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "series", "countries", "artists", "search", "about", "home", "error", "css", "js", "img", "fonts", "images", "lib",
        "feed.xml", "sitemap.xml", "robots.txt", "favicon.ico", "content-status", "preview", "health",
        "api", "kinds", "articles", "openapi", "oembed", "embed", "badge", "cards", "artwork", "pictures", "admin",
    };

    /// <summary>Pages without a slug that an article may link to.</summary>
    public static readonly IReadOnlyList<string> FixedPages = [Home, About, Series, Countries, Artists, Search, Feed, Sitemap];

    public static string Kind(string kind) => "/" + kind;

    public static string Entry(string kind, string slug) => $"/{kind}/{slug}";

    public static string Article(string slug) => $"{Series}/{slug}";

    /// <summary>A page of the series index; the first page is the index itself.</summary>
    public static string SeriesPage(int page) => page == 1 ? Series : $"{Series}?page={page}";

    public static string Country(string slug) => $"{Countries}/{slug}";

    public static string Artist(string slug) => $"{Artists}/{slug}";

    /// <summary>A page of the artists index; the first page is the index itself.</summary>
    public static string ArtistsPage(int page) => page == 1 ? Artists : $"{Artists}?page={page}";

    public static string Preview(string slug) => $"/preview/{slug}";

    public static string SearchFor(string query) => Search + "?q=" + Uri.EscapeDataString(query);

    /// <summary>
    /// The kind index with its filters, sort and page, in a fixed key order so that each page has one address. Page 1
    /// has no page key, and a null sort is the kind's own order.
    /// </summary>
    public static string KindFiltered(string kind, string? country, string? decade, string? genre = null, string? sort = null, int page = 1)
    {
        var query = string.Join('&', new[] { ("country", country), ("decade", decade), ("genre", genre), ("sort", sort), ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) }
            .Where(pair => !string.IsNullOrEmpty(pair.Item2))
            .Select(pair => pair.Item1 + "=" + Uri.EscapeDataString(pair.Item2!)));
        return Kind(kind) + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>The 1200×630 social card of any page: the page's own path under /cards, as a PNG.</summary>
    public static string SocialCard(string pagePath) => "/cards" + (pagePath == Home ? "/home" : pagePath) + ".png";

    /// <summary>
    /// The generated sleeve artwork that stands in for a picture: the page's own path under /artwork, as SVG. Pages
    /// link it with the content version they were rendered from (?v=), an address kept a year that changes with it.
    /// <paramref name="format"/> "webp" is the small raster lists show (a browser decodes it off the main thread).
    /// </summary>
    public static string Artwork(string pagePath, string? contentVersion = null, string format = "svg") =>
        "/artwork" + pagePath + "." + format + (string.IsNullOrEmpty(contentVersion) ? "" : "?v=" + Uri.EscapeDataString(contentVersion));

    public const string PictureRoute = "/pictures/{hash}/{name}";

    /// <summary>One rendition of an editor's picture, such as "720.webp": its address changes whenever the picture does.</summary>
    public static string Picture(string hash, string renditionName) => $"/pictures/{hash}/{renditionName}";

    /// <summary>
    /// The "featured in" badge of an entry; <paramref name="format"/> is svg or png. The entry page's own preview names
    /// the content version it was rendered from (?v=, kept a year like artwork); members' snippets name none.
    /// </summary>
    public static string Badge(string kind, string slug, string format = "svg", bool dark = false, string? contentVersion = null) =>
        $"/badge/{kind}/{slug}.{format}" + (dark ? "?theme=dark" : "")
        + (string.IsNullOrEmpty(contentVersion) ? "" : (dark ? "&" : "?") + "v=" + Uri.EscapeDataString(contentVersion));

    /// <summary>The frameable card of an entry or an article: the page's own path under /embed.</summary>
    public static string Embed(string pagePath) => EmbedRoot + pagePath;

    public static string OEmbedFor(string absolutePageUrl) => OEmbed + "?url=" + Uri.EscapeDataString(absolutePageUrl) + "&format=json";

    public static string ApiKinds => Api + "/kinds";

    public static string ApiKind(string kind) => $"{Api}/{kind}";

    public static string ApiEntry(string kind, string slug) => Api + Entry(kind, slug);

    public static string ApiArticles => Api + "/articles";

    public static string ApiArticle(string slug) => $"{Api}/articles/{slug}";

    public static string ApiCountry(string slug) => $"{Api}/countries/{slug}";

    public static string ApiSearch(string query) => $"{Api}/search?q=" + Uri.EscapeDataString(query);

    /// <summary>A page of a kind's entries in the API with the index's filters: keys in one order, page 1 and the default page size left out.</summary>
    public static string ApiKindFiltered(string kind, string? country, string? decade, int page = 1, int? pageSize = null)
    {
        var path = Api + KindFiltered(kind, country, decade);
        var paging = string.Join('&', new[] { page > 1 ? $"page={page}" : null, pageSize is null ? null : $"pageSize={pageSize}" }.OfType<string>());
        return paging.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + paging;
    }
}
