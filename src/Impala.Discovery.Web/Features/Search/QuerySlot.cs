namespace Impala.Discovery.Web.Features.Search;

/// <summary>One word (or place name) of the query as typed, and every way it may be found; a result must match each slot.</summary>
public sealed record QuerySlot(string Typed, IReadOnlyList<QueryAlternative> Alternatives)
{
    public string ToFts() => "(" + string.Join(" OR ", Alternatives.Select(alternative => alternative.ToFts()).Distinct()) + ")";

    /// <summary>The best match of any alternative in one form of a name (see <see cref="QueryAlternative.MatchIn"/>).</summary>
    public int? MatchIn(string[] form)
    {
        int? best = null;
        foreach (var alternative in Alternatives)
        {
            if (alternative.MatchIn(form) is { } matched && (best is null || matched < best))
            {
                best = matched;
            }
        }

        return best;
    }
}
