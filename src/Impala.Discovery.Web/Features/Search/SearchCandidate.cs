using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// A row the index returned (or a country or kind, matched in memory), ready to be ranked: its folded fields split into
/// forms and words. Field 0 holds names; 1 artists, 2 places, 3 other facts; prose is not read back.
/// </summary>
public sealed class SearchCandidate
{
    public const int NameField = 0;

    private SearchCandidate(SearchHit hit, string[][][] fields)
    {
        Hit = hit;
        Fields = fields;
        NameForms = fields[NameField].Select(form => string.Concat(form)).ToArray();
    }

    public SearchHit Hit { get; }

    /// <summary>Per field, its forms, each a list of folded words.</summary>
    public string[][][] Fields { get; }

    /// <summary>Each name run together, to compare with the whole query.</summary>
    public string[] NameForms { get; }

    public static SearchCandidate From(SearchHit hit) =>
        new(hit, [Split(hit.Names), Split(hit.Artists), Split(hit.Places), Split(hit.Facts)]);

    private static string[][] Split(string column) =>
        column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(form => form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
}
