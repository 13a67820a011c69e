using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Artists;

/// <summary>One page of the artists index, grouped by the first letter of their names.</summary>
public sealed record ArtistsViewModel(
    PageMeta Meta, IReadOnlyList<IGrouping<string, ArtistSummary>> ByLetter, int Total, Pager Pager) : IPageViewModel;
