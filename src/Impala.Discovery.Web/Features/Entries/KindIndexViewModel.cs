using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

public sealed record KindIndexViewModel(
    PageMeta Meta,
    KindSummary Kind,
    IReadOnlyList<EntryCard> Entries,
    IReadOnlyList<TimelineYear> Timeline,
    IReadOnlyList<FilterOption> CountryFilter,
    IReadOnlyList<FilterOption> DecadeFilter,
    string? FilterDescription) : IPageViewModel
{
    /// <summary>A kind without countries but with years reads best as a timeline.</summary>
    public bool ShowsTimeline => !Kind.HasCountry && Timeline.Count > 0 && FilterDescription is null;
}
