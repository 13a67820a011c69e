namespace Impala.Discovery.Web.Features.Shared;

/// <summary>What became of a page that is not at its address: where it went, or why it was taken out.</summary>
/// <param name="MovedTo">The page's address now, for a 301; null when it is gone.</param>
/// <param name="GoneReason">Why it was removed, from removed.yml, when it is gone and the content says why.</param>
public sealed record PageFate(string? MovedTo, string? GoneReason);
