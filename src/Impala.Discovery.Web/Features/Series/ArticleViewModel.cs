using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Series;

public sealed record ArticleViewModel(
    PageMeta Meta,
    ArticleSummary Article,
    string IntroHtml,
    IReadOnlyList<ArticleEntryView> Entries,
    ArticleSummary? Newer,
    ArticleSummary? Older) : IPageViewModel
{
    /// <summary>Set on an editor's preview of an unpublished article: what the banner says ("Draft", "Scheduled for …").</summary>
    public string? Preview { get; init; }

    /// <summary>The editor's picture for the article, if one was given; its generated cover stands in otherwise.</summary>
    public PictureView? Picture { get; init; }
}
