using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// What every page tells browsers, search engines and link previews about itself. Pages without a
/// canonical path (error pages) are marked noindex instead. <paramref name="Published"/> is the date of the
/// article a page is or belongs to (article:published_time).
/// </summary>
public sealed record PageMeta(string Title, string Description, string? CanonicalPath, string OpenGraphType = "website", DateOnly? Published = null)
{
    private const string SiteSuffix = " · Impala Discovery";

    /// <summary>
    /// The title a link preview shows: the page's own ("Ninja Tune"), without the site's name that og:site_name
    /// already gives, nor the section before it ("· Labels").
    /// </summary>
    public string ShareTitle { get; init; } = Title.EndsWith(SiteSuffix, StringComparison.Ordinal) ? Title.Split(" · ")[0] : Title;

    /// <summary>A page's head from its <see cref="PageText"/>: "Title · Section · Impala Discovery", shared as the title alone.</summary>
    public static PageMeta For(PageText text, string? section, string? canonicalPath, string openGraphType = "website", DateOnly? published = null) =>
        new(string.Join(" · ", new[] { text.Title, section }.OfType<string>()) + SiteSuffix, text.Description, canonicalPath, openGraphType, published)
        {
            ShareTitle = text.Title,
        };

    /// <summary>The editor's picture of the page, if it has one: link previews show it rather than the drawn social card.</summary>
    public PictureView? SharePicture { get; init; }

    /// <summary>The page whose social card stands for this one: the canonical page without its filters, or the home page.</summary>
    public string CardPagePath => CanonicalPath?.Split('?')[0] ?? SitePaths.Home;

    /// <summary>The previous and next pages of a paged list, for rel="prev" and rel="next" in the head.</summary>
    public string? PreviousPath { get; init; }

    public string? NextPath { get; init; }

    /// <summary>
    /// A page worth following but not worth listing in search results, such as a kind index under several filters at
    /// once: its links count, its own address is left out (robots "noindex, follow"). Its canonical stays its own.
    /// </summary>
    public bool FollowOnly { get; init; }
}
