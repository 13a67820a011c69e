namespace Impala.Discovery.Web.Content;

/// <summary>A checked fact: its schema entry and its values (one value except for lists, years and countries).</summary>
public sealed record ParsedFact(FactDefinition Definition, IReadOnlyList<string> Values);
