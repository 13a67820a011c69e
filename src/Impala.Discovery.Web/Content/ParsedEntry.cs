using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>One <c>##</c> section of an article: an entry with its facts, its prose, the site pages its prose links to and its picture.</summary>
public sealed record ParsedEntry(
    string Name,
    string Slug,
    int Rank,
    int Line,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParsedFact> Facts,
    string BodyHtml,
    string BodyText,
    IReadOnlyList<string> LinkedPaths,
    PictureReference? Picture = null)
{
    /// <summary>
    /// The countries its country facts name, each once, in the order written (names the list does not know are left out).
    /// Worked out once: the checks across files ask for every entry's countries at every import.
    /// </summary>
    public IReadOnlyList<Country> Countries { get; } = Facts
        .Where(fact => fact.Definition.Type is FactType.Country or FactType.Countries)
        .SelectMany(fact => fact.Values)
        .Select(KnownCountries.Find)
        .OfType<Country>()
        .DistinctBy(country => country.Slug)
        .ToList();

    /// <summary>The line of its '- **Slug:**' fact, or 0 without one: where a clash of its address is reported.</summary>
    public int SlugLine { get; init; }

    /// <summary>The line of its '- **Aliases:**' fact, or 0 without one: where a clash of a former address is reported.</summary>
    public int AliasesLine { get; init; }

    /// <summary>Its address and its former addresses, for an entry of the given kind.</summary>
    public IEnumerable<string> PathsIn(string kind) => Aliases.Prepend(Slug).Select(slug => SitePaths.Entry(kind, slug));
}
