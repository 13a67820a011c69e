namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// One page of a kind's entries, in the order of the kind's page, with the filters it was asked with. <c>total</c> counts every
/// entry that matches the filters; <c>next</c> and <c>prev</c> are absolute addresses, null at the ends.
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
