using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>The search page: <see cref="Total"/> entries match, the best of them are shown grouped by kind.</summary>
public sealed record SearchViewModel(PageMeta Meta, string Query, int Total, IReadOnlyList<SearchGroup> Groups) : IPageViewModel
{
    public int Shown => Groups.Sum(group => group.Results.Count);
}
