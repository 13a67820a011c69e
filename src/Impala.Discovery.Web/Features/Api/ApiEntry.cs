namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// One entry with everything its page shows: facts with their types, its prose as the page's sanitised HTML, the
/// article it belongs to and its place there, its related entries and entries whose prose links to it.
/// </summary>
/// <remarks>
/// <see cref="RelatedGroups"/> are what the page offers next, nearest first: the same city, then country, then genre,
/// across kinds. <see cref="Related"/> lists their entries in that order as one list, the shape v1 began with.
/// </remarks>
public sealed record ApiEntry(
    string Name,
    string Slug,
    string Kind,
    string Caption,
    int? Year,
    IReadOnlyList<ApiCountryRef> Countries,
    IReadOnlyList<ApiFact> Facts,
    string BodyHtml,
    ApiArticleRef Article,
    int Rank,
    IReadOnlyList<string> Aliases,
    string Url,
    string ApiUrl,
    string ImageUrl,
    IReadOnlyList<ApiEntrySummary> Related,
    IReadOnlyList<ApiEntrySummary> LinkedFrom,
    IReadOnlyList<ApiRelatedGroup> RelatedGroups,
    ApiPicture? Picture);
