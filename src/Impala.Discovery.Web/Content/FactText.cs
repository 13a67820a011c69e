using System.Globalization;

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

    /// <summary>
    /// A card's caption from the facts its kind declares for it: where the entry is, then when and how big,
    /// such as "London, United Kingdom · 1990". Facts the entry does not have are left out.
    /// </summary>
    public static string Caption(KindDefinition kind, IReadOnlyList<ParsedFact> facts)
    {
        var place = new List<string>();
        var rest = new List<string>();
        foreach (var definition in kind.Caption)
        {
            if (facts.FirstOrDefault(fact => fact.Definition == definition) is not { Values.Count: > 0 } fact)
            {
                continue;
            }

            switch (definition.Type)
            {
                case FactType.Text or FactType.Country:
                    place.Add(fact.Values[0]);
                    break;
                case FactType.Countries or FactType.List or FactType.Artists or FactType.Links:
                    place.AddRange(fact.Values.Take(CaptionListLength));
                    if (fact.Values.Count > CaptionListLength)
                    {
                        place[^1] += $" and {fact.Values.Count - CaptionListLength} more";
                    }

                    break;
                case FactType.Number:
                    rest.Add(NumberOrRange(fact.Values[0]));
                    break;
                case FactType.Years:
                    rest.Add(Sentence(fact.Values));
                    break;
                default:
                    rest.Add(fact.Values[0]);
                    break;
            }
        }

        return string.Join(" \u00b7 ", rest.Prepend(string.Join(", ", place)).Where(part => part.Length > 0));
    }
}
