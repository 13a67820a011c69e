using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>A published article as the series lists it.</summary>
public sealed record ApiArticleSummary(
    string Slug,
    string Title,
    string Summary,
    DateOnly Published,
    string Kind,
    int EntryCount,
    string Url,
    string ApiUrl)
{
    public static ApiArticleSummary From(ArticleSummary article, HttpContext context) =>
        new(article.Slug, article.Title, article.Summary, article.Published, article.KindKey, article.EntryCount,
            SiteAddress.Absolute(context, article.Path),
            SiteAddress.Absolute(context, SitePaths.ApiArticle(article.Slug)));
}
