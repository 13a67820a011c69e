using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// Where a candidate ranks, compared field by field as Algolia and Meilisearch do: the whole query is its name, the
/// start of its name or its name with a typo; then fewer words of the query found only in prose; then fewer prefixes
/// and typos; then found in names before artists, places and facts; then entries before artists, countries, kinds and
/// articles; then bm25. Lower is better throughout.
/// </summary>
public readonly record struct SearchRank(int Whole, int Unmatched, int Quality, int Fields, int TypeOrder, double Score)
{
    private const int NotWhole = 3;

    private static readonly string[] TypeOrders = [SearchIndex.EntryType, SearchIndex.ArtistType, SiteSearch.CountryType, SiteSearch.KindType, SearchIndex.ArticleType];

    /// <summary>The whole query is (0), starts (1) or is with typos (2) one of the names, or none of them (3).</summary>
    public bool IsName => Whole < NotWhole;

    public static SearchRank Of(SearchQuery query, SearchCandidate candidate)
    {
        var whole = NotWhole;
        foreach (var name in candidate.NameForms)
        {
            foreach (var compact in query.Compact)
            {
                whole = Math.Min(whole, name == compact ? 0
                    : compact.Length > 1 && name.StartsWith(compact, StringComparison.Ordinal) ? 1
                    : SearchText.TyposAllowed(compact.Length) is var allowed && allowed > 0 && SearchText.Distance(compact, name, allowed) <= allowed ? 2
                    : NotWhole);
            }
        }

        var (unmatched, quality, fields) = (0, 0, 0);
        foreach (var slot in query.Slots)
        {
            var best = (Quality: int.MaxValue, Field: int.MaxValue);
            for (var field = 0; field < candidate.Fields.Length; field++)
            {
                foreach (var form in candidate.Fields[field])
                {
                    if (slot.MatchIn(form) is { } matched && (matched, field).CompareTo(best) < 0)
                    {
                        best = (matched, field);
                    }
                }
            }

            if (best.Field == int.MaxValue)
            {
                unmatched++;
            }
            else
            {
                (quality, fields) = (quality + best.Quality, fields + best.Field);
            }
        }

        return new SearchRank(whole, unmatched, quality, fields, Array.IndexOf(TypeOrders, candidate.Hit.Type), candidate.Hit.Score);
    }

    /// <summary>The fields in the order they are compared.</summary>
    public (int, int, int, int, int, double) Order => (Whole, Unmatched, Quality, Fields, TypeOrder, Score);
}
