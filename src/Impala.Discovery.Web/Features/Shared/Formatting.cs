using System.Globalization;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>Numbers, dates and facts written the way people read them (British English, the series' language).</summary>
public static class Formatting
{
    public static readonly CultureInfo Culture = FactText.Culture;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Number(long number) => FactText.Number(number);

    /// <summary>"A, B and C".</summary>
    public static string Sentence(IReadOnlyList<string> items) => FactText.Sentence(items);

    /// <summary>A fact ready to show; countries, web addresses and genres (to the kind's index filtered by genre) are links.</summary>
    public static FactView Fact(EntryFact fact, string kind)
    {
        return new FactView(fact.Key, fact.Type switch
        {
            FactType.Number => fact.Values.Select(value => new FactValueView(FactText.NumberOrRange(value))).ToList(),
            FactType.Url => fact.Values.Select(url => new FactValueView(DisplayUrl(url), url)).ToList(),
            FactType.Links => fact.Values.Select(url => new FactValueView(LinkServices.Name(url), url)).ToList(),
            FactType.Years => [new FactValueView(Sentence(fact.Values))],
            _ => fact.Values.Select(value => new FactValueView(value, FactText.Href(kind, fact.Key, fact.Type, value))).ToList(),
        }, fact.Numbers);
    }

    private static string DisplayUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.Replace("www.", "", StringComparison.Ordinal) + uri.AbsolutePath.TrimEnd('/') : url;
}
