namespace Impala.Discovery.Web.Content;

/// <summary>
/// One article file after an import: its state, the date it is (or will be) published, and for a refused file whether
/// its last good version is still online. <see cref="Slug"/> is the article's address, when the file could be parsed.
/// </summary>
public sealed record FileOutcome(string File, FileState State, DateOnly? Published, bool EarlierVersionOnline, string? Slug = null);
