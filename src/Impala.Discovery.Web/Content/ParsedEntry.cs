namespace Impala.Discovery.Web.Content;

/// <summary>One <c>##</c> section of an article: an entry with its facts and prose.</summary>
public sealed record ParsedEntry(
    string Name,
    string Slug,
    int Rank,
    int Line,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParsedFact> Facts,
    string BodyHtml,
    string BodyText);
