namespace Impala.Discovery.Web.Features.Entries;

/// <summary>A genre filter choice with every spelling that entries use for it, which the filter matches.</summary>
public sealed record GenreOption(FilterOption Option, IReadOnlyList<string> Spellings);
