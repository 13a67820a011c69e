namespace Impala.Discovery.Web.Features.Api;

/// <summary>An entry in its article: its place (from 1) and the entry.</summary>
public sealed record ApiRankedEntry(int Rank, ApiEntrySummary Entry);
