using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>The article an entry belongs to.</summary>
public sealed record ApiArticleRef(string Slug, string Title, DateOnly Published, string Url, string ApiUrl)
{
    public static ApiArticleRef From(ArticleSummary article, HttpContext context) =>
        new(article.Slug, article.Title, article.Published,
            SiteAddress.Absolute(context, article.Path),
            SiteAddress.Absolute(context, SitePaths.ApiArticle(article.Slug)));
}
