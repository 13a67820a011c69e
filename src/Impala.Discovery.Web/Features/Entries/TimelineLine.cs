using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>One entry on a timeline: its name and link, and the one sentence that says what happened.</summary>
public sealed record TimelineLine(EntryCard Entry, string Summary);
