using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// A kind's index page: its <see cref="KindIndexListing"/> and the filter choices, each counting the entries its link
/// would show given the other filters in force (zero for a choice that leads nowhere).
/// </summary>
public sealed record KindIndexPage(
    KindIndexListing Listing,
    IReadOnlyList<FilterOption> Countries,
    IReadOnlyList<FilterOption> Decades,
    IReadOnlyList<FilterOption> Genres)
{
    // The listing's parts, named as the view and the controller read them.
    public KindSummary Kind => Listing.Kind;

    public KindIndexSelection Selection => Listing.Selection;

    public Country? Country => Listing.Country;

    public KindIndexSort Sort => Listing.Sort;

    public KindIndexSort DefaultSort => Listing.DefaultSort;

    public IReadOnlyList<EntryCard> Entries => Listing.Entries;

    public int Total => Listing.Total;

    public int PageCount => Listing.PageCount;

    public FilterOption? SelectedGenre => Genres.FirstOrDefault(option => option.Selected);

    /// <summary>The address of this page with one thing changed; the sort is left out when it is the kind's own.</summary>
    public string PathWith(string? country, string? decade, string? genre, KindIndexSort sort, int page = 1) =>
        SitePaths.KindFiltered(Kind.Key, country, decade, genre, sort == DefaultSort ? null : KindIndexSelection.SortValue(sort), page);

    public string PathOfPage(int page) =>
        PathWith(Country?.Slug, Selection.Decade is { } decade ? KindIndexSelection.DecadeValue(decade) : null, SelectedGenre?.Value, Sort, page);
}
