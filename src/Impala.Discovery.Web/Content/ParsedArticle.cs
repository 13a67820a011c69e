using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

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
    IReadOnlyList<string> Aliases,
    PictureReference? Picture = null)
{
    /// <summary>Every picture the article names: its own and its entries'.</summary>
    public IEnumerable<PictureReference> Pictures =>
        Entries.Select(entry => entry.Picture).Prepend(Picture).OfType<PictureReference>();

    // The addresses below are worked out once, not at each of the many times every import's checks across files ask
    // for them. A copy made with 'with' keeps them: it may drop text (WithoutText), never change an address.

    /// <summary>The addresses and former addresses of all its entries.</summary>
    public IReadOnlyList<string> EntryPaths { get; } = Entries.SelectMany(entry => entry.PathsIn(Kind)).ToList();

    /// <summary>Its address and its former addresses under /series.</summary>
    public IReadOnlyList<string> Paths { get; } = Aliases.Prepend(Slug).Select(SitePaths.Article).ToList();

    /// <summary>The pages of this site it links to, each once.</summary>
    public IEnumerable<string> LinkPaths => Links.Select(link => link.Path).Distinct(StringComparer.Ordinal);

    /// <summary>The line of its 'aliases:' in the front matter, or 0 without one: where a clash of a former address is reported.</summary>
    public int AliasesLine { get; init; }

    /// <summary>
    /// True for an article kept <see cref="WithoutText"/>: it must be parsed again before it is written.
    /// </summary>
    public bool TextDropped { get; init; }

    /// <summary>
    /// The same article without its intro's and entries' HTML and plain text (the bulk of it): what the checks across
    /// files need (addresses, facts, links), kept between imports while the store holds the rest.
    /// </summary>
    public ParsedArticle WithoutText() => this with
    {
        TextDropped = true,
        IntroHtml = "",
        Entries = Entries.Select(entry => entry with { BodyHtml = "", BodyText = "" }).ToList(),
    };
}
