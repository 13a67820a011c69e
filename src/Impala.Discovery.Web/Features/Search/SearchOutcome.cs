namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// What a search found, best first, how many results there are in all, and when nothing matches every word, the
/// closest names (what the visitor probably meant).
/// </summary>
public sealed record SearchOutcome(IReadOnlyList<SearchMatch> Results, int Total, IReadOnlyList<SearchMatch> DidYouMean)
{
    public static readonly SearchOutcome None = new([], 0, []);
}
