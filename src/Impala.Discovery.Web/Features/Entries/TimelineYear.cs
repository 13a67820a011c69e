namespace Impala.Discovery.Web.Features.Entries;

/// <summary>One year of a timeline with everything that happened in it; a null year gathers the undated entries.</summary>
public sealed record TimelineYear(int? Year, IReadOnlyList<TimelineLine> Lines);
