namespace Impala.Discovery.Web.Content;

/// <summary>The "Discovery" configuration section. Operators set these through appsettings or environment variables.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Discovery";

    /// <summary>The content folder (kinds.yml, articles/); relative to the app's content root. Read once at start-up.</summary>
    public string ContentPath { get; set; } = "";

    /// <summary>Re-import when a content file changes, so editors see their work without a restart.</summary>
    public bool WatchContent { get; set; } = true;

    /// <summary>The public address of the site, for canonical links, feeds and sitemaps; the request's own when empty.</summary>
    public string SiteUrl { get; set; } = "";
}
