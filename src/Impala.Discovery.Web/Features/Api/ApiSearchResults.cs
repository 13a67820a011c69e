namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// The search page's results, best first: <c>results</c> the entries among them (as since v1 began), <c>hits</c> every
/// result in the page's order (entries, artists, countries, kinds, articles), <c>didYouMean</c> the closest names when
/// nothing matches every word.
/// </summary>
public sealed record ApiSearchResults(string Query, int Total, IReadOnlyList<ApiEntrySummary> Results, IReadOnlyList<ApiSearchHit> Hits, IReadOnlyList<ApiSearchHit> DidYouMean);

/// <summary>
/// One search result: <c>type</c> is entry, artist, country, kind or article; <c>label</c> what the page calls it;
/// <c>snippet</c> the fact or sentence that matched, as text; <c>apiUrl</c> null for artists; <c>entry</c> the entry's
/// summary, null for other types.
/// </summary>
public sealed record ApiSearchHit(string Type, string Name, string Label, string Caption, string Snippet, string Url, string? ApiUrl, ApiEntrySummary? Entry);
