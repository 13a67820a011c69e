using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>One year of a timeline with everything that happened in it.</summary>
public sealed record TimelineYear(int Year, IReadOnlyList<EntryCard> Entries);
