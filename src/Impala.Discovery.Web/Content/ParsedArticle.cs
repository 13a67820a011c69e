namespace Impala.Discovery.Web.Content;

/// <summary>A monthly article as the parser understood it: front matter, intro and entries in order.</summary>
public sealed record ParsedArticle(
    string File,
    string Slug,
    string Title,
    string Kind,
    DateOnly Published,
    string Summary,
    bool Draft,
    string IntroHtml,
    IReadOnlyList<ParsedEntry> Entries,
    IReadOnlyList<ContentLink> Links,
    IReadOnlyList<string> Aliases);
