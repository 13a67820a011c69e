using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// One page of a kind's index: its cards in order, how many entries match in all, and the filter choices with their
/// counts over the whole kind. <see cref="Country"/> is the selected country, if any. <see cref="Sort"/> is the order in force, <see cref="DefaultSort"/> the kind's own.
/// </summary>
public sealed record KindIndexPage(
    KindSummary Kind,
    KindIndexSelection Selection,
    Country? Country,
    KindIndexSort Sort,
    KindIndexSort DefaultSort,
    IReadOnlyList<EntryCard> Entries,
    int Total,
    int PageCount,
    IReadOnlyList<FilterOption> Countries,
    IReadOnlyList<FilterOption> Decades,
    IReadOnlyList<FilterOption> Genres)
{
    public FilterOption? SelectedGenre => Genres.FirstOrDefault(option => option.Selected);

    /// <summary>The address of this page with one thing changed; the sort is left out when it is the kind's own.</summary>
    public string PathWith(string? country, string? decade, string? genre, KindIndexSort sort, int page = 1) =>
        SitePaths.KindFiltered(Kind.Key, country, decade, genre, sort == DefaultSort ? null : KindIndexSelection.SortValue(sort), page);

    public string PathOfPage(int page) =>
        PathWith(Country?.Slug, Selection.Decade is { } decade ? KindIndexSelection.DecadeValue(decade) : null, SelectedGenre?.Value, Sort, page);
}
