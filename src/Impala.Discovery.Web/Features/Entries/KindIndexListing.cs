using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// One page of a kind's entries, filtered and in order: what the HTML index and the API both list. <see cref="Total"/>
/// counts every match; <see cref="Sort"/> is the order in force, <see cref="DefaultSort"/> the kind's own. A page
/// past the last has no entries and <see cref="IsPastTheEnd"/>, for its caller to answer 404.
/// </summary>
public sealed record KindIndexListing(
    KindSummary Kind,
    KindIndexSelection Selection,
    Country? Country,
    KindIndexSort Sort,
    KindIndexSort DefaultSort,
    IReadOnlyList<EntryCard> Entries,
    int Total,
    int PageSize,
    int PageCount)
{
    public bool IsPastTheEnd => Selection.Page > PageCount;

    /// <summary>The place of the page's first entry among all matches, from 1.</summary>
    public int FirstNumber => (Selection.Page - 1) * PageSize + 1;
}
