using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Home;

public sealed record AboutViewModel(PageMeta Meta, IReadOnlyList<KindSummary> Kinds, int ArticleCount) : IPageViewModel;
