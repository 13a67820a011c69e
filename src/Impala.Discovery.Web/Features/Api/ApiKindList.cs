namespace Impala.Discovery.Web.Features.Api;

/// <summary>Every kind that has entries, in the order of kinds.yml.</summary>
public sealed record ApiKindList(IReadOnlyList<ApiKind> Kinds);
