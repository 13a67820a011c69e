namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// One choice of a filter on a kind's index (a country, a decade, a genre). <see cref="Count"/> is how many entries
/// its link shows, the other filters in force included: zero means it leads nowhere and is no link.
/// </summary>
public sealed record FilterOption(string Value, string Label, int Count, bool Selected);
