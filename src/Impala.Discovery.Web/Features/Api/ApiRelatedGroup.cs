using Impala.Discovery.Web.Features.Entries;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>One group of an entry's related entries as its page shows it: what they share (<c>city</c>, <c>country</c> or <c>genre</c>), the page's heading and the entries.</summary>
public sealed record ApiRelatedGroup(string By, string Heading, IReadOnlyList<ApiEntrySummary> Entries)
{
    public static ApiRelatedGroup From(RelatedGroup group, HttpContext context) =>
        new(group.By, group.Heading, group.Entries.Select(card => ApiEntrySummary.From(card, context)).ToList());
}
