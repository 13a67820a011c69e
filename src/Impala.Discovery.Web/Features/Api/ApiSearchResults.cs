namespace Impala.Discovery.Web.Features.Api;

/// <summary>Entries matching every word of the query, best first, as the search page lists them.</summary>
public sealed record ApiSearchResults(string Query, IReadOnlyList<ApiEntrySummary> Results);
