using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Home;

public sealed record HomeViewModel(
    PageMeta Meta,
    ArticleSummary? Latest,
    IReadOnlyList<EntryCard> LatestEntries,
    IReadOnlyList<KindSummary> Kinds,
    int CountryCount,
    IReadOnlyList<ArticleSummary> EarlierArticles,
    int ArticleCount) : IPageViewModel;
