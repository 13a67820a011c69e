using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

public sealed record SearchViewModel(PageMeta Meta, string Query, IReadOnlyList<EntryCard> Results) : IPageViewModel;
