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
}
