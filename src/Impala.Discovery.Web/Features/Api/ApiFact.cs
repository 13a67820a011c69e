using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// One fact of an entry. <c>value</c> is typed by <c>type</c>: text and url a string, list and artists an array of
/// strings, links an array of { service, url }, year a number, years an array of numbers, number a number (a range's low end, its high end in
/// <c>maximum</c>), country a country object, countries an array of them. <c>text</c> is the fact as
/// the entry's page shows it. <c>approximate</c> is set for year and years ("c. 2000"), null otherwise.
/// </summary>
public sealed record ApiFact(string Key, string Type, object Value, string Text, bool? Approximate, long? Maximum)
{
    /// <summary>The type as kinds.yml writes it: text, list, artists, year, years, number, url, links, country, countries.</summary>
    public static string TypeName(FactType type) => type.ToString().ToLowerInvariant();

    public static ApiFact From(EntryFact fact, string kind, HttpContext context)
    {
        var text = string.Join(", ", Formatting.Fact(fact, kind).Values.Select(value => value.Text));
        var approximate = fact.Type is FactType.Year or FactType.Years
            ? fact.Values.Any(value => value.StartsWith(FactValueParser.ApproximatePrefix, StringComparison.Ordinal))
            : (bool?)null;
        var number = fact.Type == FactType.Number ? FactValueParser.ReadNumber(fact.Values[0]) : null;
        object value = fact.Type switch
        {
            FactType.List or FactType.Artists => fact.Values,
            FactType.Links => fact.Values.Select(url => new ApiLink(LinkServices.Name(url), url)).ToList(),
            FactType.Year => FactValueParser.ReadYear(fact.Values[0]),
            FactType.Years => fact.Values.Select(FactValueParser.ReadYear).ToList(),
            FactType.Number when number is { } range => range.Low,
            FactType.Country => ApiCountryRef.FromName(fact.Values[0], context),
            FactType.Countries => fact.Values.Select(name => ApiCountryRef.FromName(name, context)).ToList(),
            _ => fact.Values[0],
        };
        return new ApiFact(fact.Key, TypeName(fact.Type), value, text, approximate,
            number is { } bounds && bounds.High != bounds.Low ? bounds.High : null);
    }
}
