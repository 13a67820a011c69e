namespace Impala.Discovery.Web.Features.Api;

/// <summary>The entries of one kind in a country, by name.</summary>
public sealed record ApiCountryKindGroup(string Kind, string Singular, string Plural, IReadOnlyList<ApiEntrySummary> Entries);
