using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Series;

public static class ArticleQueries
{
    /// <summary>Articles, newest first.</summary>
    public static Task<List<ArticleSummary>> ArticleSummariesAsync(this IQueryable<Article> articles, CancellationToken cancellationToken) =>
        articles.AsNoTracking()
            .OrderByDescending(article => article.Published).ThenBy(article => article.Slug)
            .Select(article => new ArticleSummary(
                article.Slug,
                article.Title,
                article.Summary,
                article.Published,
                article.KindKey,
                article.Kind.Plural,
                article.Kind.Colour,
                article.Entries.Count))
            .ToListAsync(cancellationToken);
}
