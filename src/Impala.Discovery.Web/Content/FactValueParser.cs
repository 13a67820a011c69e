using System.Globalization;
using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Content;

/// <summary>Checks one fact's written value against its type and returns the values to store.</summary>
public static partial class FactValueParser
{
    public const int EarliestYear = 1000;

    /// <summary>How an approximate year is stored and shown: "c. 2000".</summary>
    public const string ApproximatePrefix = "c. ";

    /// <summary>The values, or an error message saying what is wrong and how to write it instead.</summary>
    /// <param name="fact">The fact's definition in its kind's schema.</param>
    /// <param name="written">The value as the editor wrote it.</param>
    /// <param name="latestYear">The last year a year fact may name (next year: the site's clock decides).</param>
    public static (IReadOnlyList<string> Values, string? Error) Parse(FactDefinition fact, string written, int latestYear)
    {
        var text = written.Trim();
        if (text.Length == 0)
        {
            return ([], $"'{fact.Key}' has no value. Write one after the colon, or remove the line.");
        }

        return fact.Type switch
        {
            FactType.Text => ([text], null),
            FactType.List or FactType.Artists => (SplitList(text), null),
            FactType.Year => Single(ParseYear(fact, text, latestYear)),
            FactType.Years => ParseEach(fact, SplitList(text), (definition, item) => ParseYear(definition, item, latestYear)),
            FactType.Number => ParseNumber(fact, text),
            FactType.Url => ParseUrl(fact, text),
            FactType.Country => Single(ParseCountry(fact, text)),
            FactType.Countries => ParseEach(fact, SplitList(text), ParseCountry),
            FactType.Links => ParseEach(fact, SplitList(text), ParseLink),
            _ => ([], $"'{fact.Key}' has a type this site does not know."),
        };
    }

    public static IReadOnlyList<string> SplitList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Numbers are stored without separators; a range is stored as "low-high".</summary>
    public static (long Low, long High)? ReadNumber(string stored)
    {
        var parts = stored.Split('-');
        return parts.Length switch
        {
            1 when long.TryParse(parts[0], CultureInfo.InvariantCulture, out var single) => (single, single),
            2 when long.TryParse(parts[0], CultureInfo.InvariantCulture, out var low)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var high) => (low, high),
            _ => null,
        };
    }

    private static (IReadOnlyList<string> Values, string? Error) Single((string? Value, string? Error) parsed) =>
        parsed.Error is null ? ([parsed.Value!], null) : ([], parsed.Error);

    private static (IReadOnlyList<string> Values, string? Error) ParseEach(
        FactDefinition fact, IReadOnlyList<string> items, Func<FactDefinition, string, (string? Value, string? Error)> parseOne)
    {
        var values = new List<string>();
        foreach (var item in items)
        {
            var (value, error) = parseOne(fact, item);
            if (error is not null)
            {
                return ([], error);
            }

            values.Add(value!);
        }

        return (values, null);
    }

    private static (string? Value, string? Error) ParseYear(FactDefinition fact, string text, int latest)
    {
        var match = YearPattern().Match(text);
        return match.Success && ReadYear(match.Value) is var year && year >= EarliestYear && year <= latest
            ? (match.Groups["about"].Success ? $"{ApproximatePrefix}{match.Groups["year"].Value}" : match.Groups["year"].Value, null)
            : (null, $"'{text}' is not a year for '{fact.Key}'. Write four digits between {EarliestYear} and {latest}, such as 1990, "
                + "or 'c. 1990' when the year is approximate.");
    }

    /// <summary>The year of a stored year value, "1990" or "c. 1990".</summary>
    /// <summary>
    /// A fact's values as numbers, read once at import: a year's or years' years, a number's low and high ends (equal
    /// for one number); none for other types.
    /// </summary>
    public static List<long> Numbers(FactType type, IReadOnlyList<string> stored) => type switch
    {
        FactType.Year or FactType.Years => stored.Select(value => (long)ReadYear(value)).ToList(),
        FactType.Number when stored.Count > 0 && ReadNumber(stored[0]) is { } range => [range.Low, range.High],
        _ => [],
    };

    /// <summary>Whether a year or years fact is approximate ("c. 2000").</summary>
    public static bool IsApproximate(FactType type, IReadOnlyList<string> stored) =>
        type is FactType.Year or FactType.Years && stored.Any(value => value.StartsWith(ApproximatePrefix, StringComparison.Ordinal));

    public static int ReadYear(string stored) => int.Parse(stored[^4..], CultureInfo.InvariantCulture);

    private static (IReadOnlyList<string> Values, string? Error) ParseNumber(FactDefinition fact, string text)
    {
        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return ([], $"'{text}' is not a number for '{fact.Key}'. Write a whole number such as 1,500, or a range such as 1,600-2,000.");
        }

        var low = match.Groups["low"].Value.Replace(",", "", StringComparison.Ordinal);
        var high = match.Groups["high"].Success ? match.Groups["high"].Value.Replace(",", "", StringComparison.Ordinal) : null;
        if (!long.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out var lowValue)
            || (high is not null && !long.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return ([], $"'{text}' is too large a number for '{fact.Key}'. Check the digits: the site reads numbers up to "
                + $"{long.MaxValue.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        if (high is not null && long.Parse(high, NumberStyles.None, CultureInfo.InvariantCulture) < lowValue)
        {
            return ([], $"The range '{text}' for '{fact.Key}' runs backwards. Write the smaller number first, such as 1,600-2,000.");
        }

        return ([high is null ? low : $"{low}-{high}"], null);
    }

    private static (IReadOnlyList<string> Values, string? Error) ParseUrl(FactDefinition fact, string text) =>
        WebAddress(text) is { } address
            ? ([address], null)
            : ([], $"'{text}' is not a web address for '{fact.Key}'. Write the full address, starting with https://.");

    private static (string? Value, string? Error) ParseLink(FactDefinition fact, string text) =>
        WebAddress(text) is { } address
            ? (address, null)
            : (null, $"'{text}' in '{fact.Key}' is not a web address. Write each full address, starting with https://, "
                + "and separate several with commas.");

    /// <summary>The address as stored, or null when the text is no http(s) address.</summary>
    private static string? WebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.ToString()
            : null;

    private static (string? Value, string? Error) ParseCountry(FactDefinition fact, string text) =>
        KnownCountries.Find(text) is { } country
            ? (country.Name, null)
            : (null, $"'{text}' is not a country this site knows, in '{fact.Key}'. "
                + Suggestions.DidYouMean(text, KnownCountries.KnownNames)
                + "Name countries in English, e.g. 'Czech Republic', 'United Kingdom'; separate several with commas.");

    // Four digits, after "c.", "ca." or "circa" when the year is approximate. ASCII digits only: \d would also take
    // other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"^(?<about>(c|ca|circa)\.?\s*)?(?<year>[0-9]{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();

    // Digits with optional thousands commas; a range joined by a hyphen or an en dash.
    [GeneratedRegex(@"^(?<low>[0-9]{1,3}(,[0-9]{3})+|[0-9]+)\s*(?:[-–]\s*(?<high>[0-9]{1,3}(,[0-9]{3})+|[0-9]+))?$")]
    private static partial Regex NumberPattern();
}
