namespace Impala.Discovery.Web.Data;

/// <summary>
/// An address that showed a page once and no longer does. Members link to their page for years, so an address is
/// never simply dropped: it redirects to where the page went, or, when the page was deleted, answers 410 Gone.
/// </summary>
public sealed class FormerAddress
{
    /// <summary>The site path, such as /labels/ninja-tune.</summary>
    public required string Path { get; set; }

    /// <summary>Where the page lives now; null when it was deleted.</summary>
    public string? MovedTo { get; set; }

    /// <summary>When the address stopped showing its page.</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>
    /// True for a record the content makes (content/removed.yml), which every instance holds alike; false for this
    /// store's own memory of a change the content does not account for, a safety net listed on /content-status.
    /// </summary>
    public bool FromContent { get; set; }

    /// <summary>Why the page was taken off the site, shown on the 410 page; null when the content gives no reason.</summary>
    public string? Reason { get; set; }
}
