using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>The search page: <see cref="Total"/> results match, the best of them are shown in one ranked list; when none match, the closest names.</summary>
public sealed record SearchViewModel(PageMeta Meta, string Query, int Total, IReadOnlyList<SearchMatch> Results, IReadOnlyList<SearchMatch> DidYouMean) : IPageViewModel;
