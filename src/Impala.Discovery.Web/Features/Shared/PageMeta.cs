namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// What every page tells browsers, search engines and link previews about itself. Pages without a
/// canonical path (error pages) are marked noindex instead.
/// </summary>
public sealed record PageMeta(string Title, string Description, string? CanonicalPath, string OpenGraphType = "website")
{
    /// <summary>The previous and next pages of a paged list, for rel="prev" and rel="next" in the head.</summary>
    public string? PreviousPath { get; init; }

    public string? NextPath { get; init; }
}
