namespace Impala.Discovery.Web.Content;

/// <summary>The "Discovery" configuration section. Operators set these through appsettings or environment variables.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>
    /// The content folder (kinds.yml, articles/). Configured relative to the app's content root, or left empty for the
    /// repository's content/; after start-up it always holds the full path (see <see cref="ResolveContentPath"/>).
    /// </summary>
    public string ContentPath { get; set; } = "";

    /// <summary>Re-import when a content file changes, so editors see their work without a restart.</summary>
    public bool WatchContent { get; set; } = true;

    /// <summary>
    /// The public address of the site, for canonical links, feeds and sitemaps. When empty, the request's host is used,
    /// and only when AllowedHosts names it (never a forged one).
    /// </summary>
    public string SiteUrl { get; set; } = "";

    /// <summary>
    /// The secret that opens the content status page in Production (as the header X-Status-Token or ?token=).
    /// Empty: the page exists only in Development. Never "from loopback": behind a proxy every request is.
    /// </summary>
    public string StatusToken { get; set; } = "";

    /// <summary>
    /// How long browsers and shared caches may use a page, feed, card or API answer without asking again
    /// (Cache-Control max-age, in seconds). After that they revalidate with its ETag and mostly get a 304.
    /// </summary>
    public int PageMaxAgeSeconds { get; set; } = 300;

    /// <summary>The one place that turns the configured content path into a full path.</summary>
    public static string ResolveContentPath(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured)
            ? ContentFolder.FindFrom(contentRoot) ?? Path.Combine(contentRoot, "content")
            : Path.GetFullPath(configured, contentRoot);

    public static bool IsValidSiteUrl(string siteUrl) =>
        string.IsNullOrEmpty(siteUrl)
        || (Uri.TryCreate(siteUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo));
}
