namespace Impala.Discovery.Web.Content;

/// <summary>One key of a kind's facts schema, as declared in <c>content/kinds.yml</c>.</summary>
public sealed record FactDefinition(string Key, FactType Type, bool Required);
