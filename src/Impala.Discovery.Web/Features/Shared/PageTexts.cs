using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// The title and description of every page, in one place: the page's head, its social card and its structured data
/// all take them from here (entries and articles from what the import stored), so no two of them can say different
/// things about one page.
/// </summary>
public static class PageTexts
{
    public static readonly PageText Home = new("A map of the independent music sector in Europe",
        "Labels, venues, associations and milestones of Europe's independent music sector, one monthly article at a time.");

    public static readonly PageText About = new("About the discovery series", "What IMPALA's discovery series is, who publishes it and how to reach us.");

    public static readonly PageText Series = new("The discovery series", "Every monthly article of IMPALA's discovery series, newest first.");

    public static readonly PageText Search = new("Search", "Search labels, venues, associations, milestones, artists and countries of the discovery series.");

    public static PageText Countries(int countryCount) => new("Countries",
        $"The independent music sector in {countryCount} countries: labels, venues and associations on a map of Europe.");

    /// <param name="country">The country.</param>
    /// <param name="kinds">Every kind, in the site's order.</param>
    /// <param name="countsByKind">How many entries of each kind the country has.</param>
    public static PageText Country(Country country, IEnumerable<KindSummary> kinds, IReadOnlyDictionary<string, int> countsByKind)
    {
        var counts = kinds.Where(kind => countsByKind.GetValueOrDefault(kind.Key) > 0)
            .Select(kind => countsByKind[kind.Key] is var count && count == 1 ? $"1 {kind.Singular.ToLowerInvariant()}" : $"{count} {kind.Plural.ToLowerInvariant()}")
            .ToList();
        return new(country.Name, $"Independent music in {KnownCountries.InRunningText(country.Name)}: {Formatting.Sentence(counts)} from IMPALA's discovery series.");
    }

    public static PageText Artists(int artistCount) => new("Artists",
        $"{Formatting.Number(artistCount)} artists named in IMPALA's discovery series, each with the labels and venues that name them.");

    /// <param name="name">The artist's name.</param>
    /// <param name="namedBy">The names of the entries that name the artist, in the page's order.</param>
    public static PageText Artist(string name, IReadOnlyList<string> namedBy) =>
        new(name, $"{name} in IMPALA's discovery series: named by {Formatting.Sentence(namedBy)}.");

    public static PageText Kind(KindSummary kind) =>
        new(kind.Plural, $"{kind.Intro} {Formatting.Number(kind.Count)} {kind.Plural.ToLowerInvariant()} in the discovery series.");

    public static PageText Article(string title, string summary) => new(title, summary);

    /// <param name="name">The entry's name.</param>
    /// <param name="description">Its description, as the import stored it.</param>
    public static PageText Entry(string name, string description) => new(name, description);
}
