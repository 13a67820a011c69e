namespace Impala.Discovery.Web.Features.Entries;

/// <summary>One choice of a filter on a kind's index (a country, a decade), with its count.</summary>
public sealed record FilterOption(string Value, string Label, int Count, bool Selected);
