namespace Impala.Discovery.Web.Features.Api;

/// <summary>Every published article, newest first.</summary>
public sealed record ApiArticleList(IReadOnlyList<ApiArticleSummary> Articles);
