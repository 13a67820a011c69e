namespace Impala.Discovery.Web.Data;

/// <summary>The prose of one row of the search index, for the snippet of a result shown.</summary>
public sealed record SearchBody(long Id, string Body);
