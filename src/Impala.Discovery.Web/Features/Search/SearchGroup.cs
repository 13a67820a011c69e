namespace Impala.Discovery.Web.Features.Search;

/// <summary>The results of one kind, in the order of relevance.</summary>
public sealed record SearchGroup(string KindKey, string Plural, IReadOnlyList<SearchResult> Results);
