namespace Impala.Discovery.Web.Data;

/// <summary>A three-letter piece of the spelling list and how many of its words hold it.</summary>
public sealed record SpellingGram(string Gram, int Words);
