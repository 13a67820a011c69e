namespace Impala.Discovery.Web.Content;

/// <summary>The countries an article may name, in English, with the variants editors commonly write.</summary>
public static class KnownCountries
{
    public static IReadOnlyList<Country> All { get; } =
    [
        new("Iceland", "IS", 0, 0),
        new("Norway", "NO", 5, 0),
        new("Sweden", "SE", 6, 0),
        new("Finland", "FI", 7, 0),
        new("Ireland", "IE", 1, 1, "Eire", "Republic of Ireland"),
        new("United Kingdom", "GB", 2, 1, "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland"),
        new("Denmark", "DK", 5, 1),
        new("Estonia", "EE", 7, 1),
        new("Netherlands", "NL", 4, 2, "The Netherlands", "Holland"),
        new("Germany", "DE", 5, 2, "Deutschland"),
        new("Poland", "PL", 6, 2),
        new("Latvia", "LV", 7, 2),
        new("Belgium", "BE", 3, 3),
        new("Luxembourg", "LU", 4, 3),
        new("Czech Republic", "CZ", 5, 3, "Czechia"),
        new("Slovakia", "SK", 6, 3, "Slovak Republic"),
        new("Lithuania", "LT", 7, 3),
        new("Belarus", "BY", 8, 3),
        new("France", "FR", 2, 4),
        new("Switzerland", "CH", 3, 4),
        new("Liechtenstein", "LI", 4, 4),
        new("Austria", "AT", 5, 4),
        new("Hungary", "HU", 6, 4),
        new("Ukraine", "UA", 7, 4),
        new("Moldova", "MD", 8, 4),
        new("Portugal", "PT", 0, 5),
        new("Spain", "ES", 1, 5),
        new("Andorra", "AD", 2, 5),
        new("Monaco", "MC", 3, 5),
        new("Slovenia", "SI", 5, 5),
        new("Croatia", "HR", 6, 5),
        new("Serbia", "RS", 7, 5),
        new("Romania", "RO", 8, 5),
        new("Italy", "IT", 4, 6),
        new("San Marino", "SM", 3, 6),
        new("Bosnia and Herzegovina", "BA", 6, 6, "Bosnia-Herzegovina", "Bosnia & Herzegovina", "Bosnia"),
        new("Montenegro", "ME", 7, 6),
        new("Bulgaria", "BG", 8, 6),
        new("Malta", "MT", 4, 7),
        new("Albania", "AL", 6, 7),
        new("Kosovo", "XK", 7, 7),
        new("North Macedonia", "MK", 8, 7, "Macedonia", "FYROM"),
        new("Greece", "GR", 7, 8, "Hellas"),
        new("Turkey", "TR", 9, 7, "Türkiye"),
        new("Cyprus", "CY", 9, 8),
        new("Israel", "IL", 10, 8),
    ];

    private static readonly Dictionary<string, Country> ByWrittenName = BuildLookup();

    /// <summary>The country an editor meant, accepting case differences and common variants ("UK", "Czechia").</summary>
    public static Country? Find(string written) =>
        ByWrittenName.GetValueOrDefault(written.Trim());

    public static Country? FindBySlug(string slug) =>
        All.FirstOrDefault(country => country.Slug == slug);

    public static IEnumerable<string> KnownNames => All.Select(country => country.Name);

    /// <summary>The names English reads with "the" inside a sentence ("labels in the Netherlands").</summary>
    private static readonly HashSet<string> NamesWithArticle =
        new(["United Kingdom", "Netherlands", "Czech Republic", "Slovak Republic"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A country's name as it reads in running text: "the United Kingdom", but "Denmark". Facts, chips, map tiles and
    /// the country's own heading keep the bare name, as a label.
    /// </summary>
    public static string InRunningText(string name) => NamesWithArticle.Contains(name) ? "the " + name : name;

    private static Dictionary<string, Country> BuildLookup()
    {
        var lookup = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in All)
        {
            lookup[country.Name] = country;
            lookup[country.Code] = country;
            foreach (var variant in country.Variants)
            {
                lookup[variant] = country;
            }
        }

        return lookup;
    }
}
