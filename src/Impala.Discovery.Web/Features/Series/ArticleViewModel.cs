using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Series;

public sealed record ArticleViewModel(
    PageMeta Meta,
    ArticleSummary Article,
    string IntroHtml,
    IReadOnlyList<ArticleEntryView> Entries,
    ArticleSummary? Newer,
    ArticleSummary? Older) : IPageViewModel;
