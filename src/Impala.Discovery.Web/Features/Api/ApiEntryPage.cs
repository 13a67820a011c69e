namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// One page of a kind's entries, by name, with the filters it was asked with. <see cref="Total"/> counts every
/// entry that matches the filters; <see cref="Next"/> and <see cref="Prev"/> are absolute addresses, null at the ends.
/// </summary>
public sealed record ApiEntryPage(
    string Kind,
    string? Country,
    string? Decade,
    int Total,
    int Page,
    int PageSize,
    string? Next,
    string? Prev,
    IReadOnlyList<ApiEntrySummary> Entries);
