namespace Impala.Discovery.Web.Features.Api;

/// <summary>One published article: its intro as sanitised HTML and its entries in order.</summary>
public sealed record ApiArticle(
    string Slug,
    string Title,
    string Summary,
    DateOnly Published,
    string Kind,
    string IntroHtml,
    string Url,
    string ApiUrl,
    string ImageUrl,
    IReadOnlyList<ApiRankedEntry> Entries,
    ApiPicture? Picture);
