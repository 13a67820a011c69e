namespace Impala.Discovery.Web.Content;

/// <summary>
/// One piece of an entry's caption: a fact's value, linked where the site has a page for it (its country, its artist,
/// its genre's listing), or the plain words between values. Worked out at import so every renderer shows one caption.
/// </summary>
public sealed record CaptionPart(string Text, string? Href = null);
