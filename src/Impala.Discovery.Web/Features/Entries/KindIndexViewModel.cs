using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>A kind's index page; <see cref="Timeline"/> is empty unless the page reads as a timeline.</summary>
public sealed record KindIndexViewModel(
    PageMeta Meta,
    KindIndexPage Page,
    IReadOnlyList<TimelineYear> Timeline,
    string Heading,
    Pager Pager) : IPageViewModel
{
    public KindSummary Kind => Page.Kind;

    public bool ShowsTimeline => Timeline.Count > 0;

    /// <summary>The kind's picture from kinds.yml, on its landing page only (page 1, no filter): the cards come first elsewhere.</summary>
    public PictureView? Picture { get; init; }
}
