using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Series;

public sealed record SeriesIndexViewModel(PageMeta Meta, IReadOnlyList<ArticleSummary> Articles, Pager Pager) : IPageViewModel;
