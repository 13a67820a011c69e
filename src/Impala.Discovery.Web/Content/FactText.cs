using System.Globalization;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>Fact values written the way people read them (British English, the series' language): "1,500", "A, B and C".</summary>
public static class FactText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Lists in a caption stop here, then say how many more there are.</summary>
    private const int CaptionListLength = 3;

    public static string Number(long number) => number.ToString("N0", Culture);

    /// <summary>A stored number or range ("1600-2000") as "1,600–2,000".</summary>
    public static string NumberOrRange(string stored) => FactValueParser.ReadNumber(stored) switch
    {
        { } range when range.Low == range.High => Number(range.Low),
        { } range => $"{Number(range.Low)}\u2013{Number(range.High)}",
        null => stored,
    };

    /// <summary>"A, B and C".</summary>
    public static string Sentence(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>
    /// Whether <see cref="Caption"/> says all of this fact, so an entry's page need not list it again: a fact of the
    /// caption, and not a list cut short there ("and 3 more").
    /// </summary>
    public static bool CaptionSaysAll(KindDefinition kind, ParsedFact fact) =>
        kind.Caption.Contains(fact.Definition)
        && fact.Values.Count > 0
        && (fact.Values.Count <= CaptionListLength || fact.Definition.Type is FactType.Years);

    /// <summary>The fact whose values are a kind's genres: its index filters by them.</summary>
    public const string GenresKey = "Genres";

    /// <summary>The page a fact's value leads to: its genre's listing, its country's or artist's page, its web address.</summary>
    public static string? Href(string kindKey, string factKey, FactType type, string value) => (factKey, type) switch
    {
        (GenresKey, _) => SitePaths.KindFiltered(kindKey, null, null, Slug.From(value)),
        (_, FactType.Country or FactType.Countries) => KnownCountries.Find(value) is { } country ? SitePaths.Country(country.Slug) : null,
        (_, FactType.Artists) => Slug.From(value) is { Length: > 0 } slug ? SitePaths.Artist(slug) : null,
        (_, FactType.Url or FactType.Links) => value,
        _ => null,
    };

    /// <summary>
    /// A card's caption from the facts its kind declares for it: where the entry is, then when and how big,
    /// such as "London, United Kingdom · 1990", each value linked as <see cref="Href"/> says. Facts the entry does not
    /// have are left out.
    /// </summary>
    public static IReadOnlyList<CaptionPart> Caption(KindDefinition kind, IReadOnlyList<ParsedFact> facts)
    {
        var place = new List<List<CaptionPart>>();
        var rest = new List<List<CaptionPart>>();
        foreach (var definition in kind.Caption)
        {
            if (facts.FirstOrDefault(fact => fact.Definition == definition) is not { Values.Count: > 0 } fact)
            {
                continue;
            }

            List<CaptionPart> Linked(string value) => [new(value, definition.Type is FactType.Links or FactType.Url ? null : Href(kind.Key, definition.Key, definition.Type, value))];
            switch (definition.Type)
            {
                case FactType.Text or FactType.Country:
                    place.Add(Linked(fact.Values[0]));
                    break;
                case FactType.Countries or FactType.List or FactType.Artists or FactType.Links:
                    place.AddRange(fact.Values.Take(CaptionListLength).Select(Linked));
                    if (fact.Values.Count > CaptionListLength)
                    {
                        place[^1].Add(new($" and {fact.Values.Count - CaptionListLength} more"));
                    }

                    break;
                case FactType.Number:
                    rest.Add([new(NumberOrRange(fact.Values[0]))]);
                    break;
                case FactType.Years:
                    rest.Add([new(Sentence(fact.Values))]);
                    break;
                default:
                    rest.Add(Linked(fact.Values[0]));
                    break;
            }
        }

        var groups = rest.Prepend(Joined(place, ", ")).Where(group => group.Count > 0).ToList();
        return Merged(Joined(groups, " \u00b7 "));
    }

    /// <summary>The caption as plain text, for cards, search and the API's <c>caption</c>.</summary>
    public static string Text(IEnumerable<CaptionPart> parts) => string.Concat(parts.Select(part => part.Text));

    private static List<CaptionPart> Joined(List<List<CaptionPart>> groups, string separator) =>
        groups.SelectMany((group, index) => index == 0 ? group : group.Prepend(new CaptionPart(separator))).ToList();

    // Neighbouring plain words read as one part.
    private static List<CaptionPart> Merged(List<CaptionPart> parts)
    {
        var merged = new List<CaptionPart>();
        foreach (var part in parts)
        {
            if (part.Href is null && merged.Count > 0 && merged[^1].Href is null)
            {
                merged[^1] = new(merged[^1].Text + part.Text);
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }
}
