namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>What part of the site a path belongs to: a page, or one of the things built from a page, or a service.</summary>
public enum PathArea
{
    /// <summary>A page a fan reads (<see cref="PageType"/>).</summary>
    Page,

    /// <summary>A page's social card, /cards/{page}.png.</summary>
    Card,

    /// <summary>A page's generated artwork, /artwork/{page}.svg.</summary>
    Artwork,

    /// <summary>An entry's or an article's frameable card, /embed/{page}.</summary>
    Embed,

    /// <summary>An entry's "featured in" badge, /badge/{kind}/{slug}.svg or .png.</summary>
    Badge,

    /// <summary>The JSON API under /api/v1; for an entry, article, country or kind it names that page.</summary>
    Api,

    /// <summary>An article's draft preview for editors, /preview/{slug}, and the editor's live preview, /preview.</summary>
    Preview,

    /// <summary>A rendition of an editor's picture, /pictures/{hash}/{name}.</summary>
    Picture,

    /// <summary>The browser editor for editors, /admin.</summary>
    Admin,

    /// <summary>Readiness and liveness for service managers, /health/….</summary>
    Health,

    /// <summary>An error page as the app re-executes it, /error/{code}.</summary>
    Error,

    /// <summary>Everything else the site answers at a fixed address: feed, sitemap, oEmbed, the API description, status.</summary>
    Service,

    /// <summary>A file of wwwroot (stylesheets, scripts, fonts, the editor's scripts).</summary>
    StaticFile,
}
