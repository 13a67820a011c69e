using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// What a visitor asked of a kind's index, read from the query string. A value that cannot mean anything (a decade
/// of "abc", page 0, sort=size) is refused here, as a 400; a well-formed value that names nothing (an unknown country
/// or genre, a page past the last) is for <see cref="KindIndexQuery"/> to find out, as a 404.
/// The sort is null for the kind's own order (by name; by year for a timeline).
/// </summary>
public sealed record KindIndexSelection(string? Country, int? Decade, string? Genre, KindIndexSort? Sort, int Page)
{
    public static readonly KindIndexSelection Everything = new(null, null, null, null, 1);

    public bool IsFiltered => FilterCount > 0;

    /// <summary>How many of country, decade and genre are chosen.</summary>
    public int FilterCount => (Country is null ? 0 : 1) + (Decade is null ? 0 : 1) + (Genre is null ? 0 : 1);

    public static bool TryParse(string? country, string? decade, string? genre, string? sort, string? page, out KindIndexSelection selection)
    {
        selection = Everything;
        if (!TryParseDecade(Blank(decade), out var decadeStart) || !TryParseSort(Blank(sort), out var sortOrder) || !TryParsePage(Blank(page), out var pageNumber))
        {
            return false;
        }

        selection = new KindIndexSelection(Blank(country), decadeStart, Blank(genre), sortOrder, pageNumber);
        return true;
    }

    /// <summary>The last decade a four-digit year can be in.</summary>
    private const int LastDecade = 9990;

    /// <summary>The decade as its query value, "1990s".</summary>
    public static string DecadeValue(int decade) => $"{decade}s";

    public static string SortValue(KindIndexSort sort) => sort.ToString().ToLowerInvariant();

    /// <summary>
    /// "1990s" (or "1990") → 1990; no text is no decade. False for anything that names no decade, such as one of five
    /// digits: years have four, so the 99990s would only be one more empty page, among two hundred million of them.
    /// </summary>
    public static bool TryParseDecade(string? text, out int? decade)
    {
        decade = null;
        if (text is null)
        {
            return true;
        }

        if (!DecimalDigits.TryParse(text.EndsWith('s') ? text[..^1] : text, out var start) || start % 10 != 0 || start < FactValueParser.EarliestYear
            || start > LastDecade)
        {
            return false;
        }

        decade = start;
        return true;
    }

    private static bool TryParseSort(string? text, out KindIndexSort? sort)
    {
        sort = text switch
        {
            "name" => KindIndexSort.Name,
            "year" => KindIndexSort.Year,
            _ => null,
        };
        return text is null || sort is not null;
    }

    private static bool TryParsePage(string? text, out int page)
    {
        page = 1;
        return text is null || (DecimalDigits.TryParse(text, out page) && page >= 1);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
