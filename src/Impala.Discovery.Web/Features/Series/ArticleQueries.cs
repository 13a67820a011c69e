using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Series;

public static class ArticleQueries
{
    /// <summary>The series' order: newest first, then by address so that a page of it is always the same page.</summary>
    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(article => article.Published).ThenBy(article => article.Slug);

    public static Task<List<ArticleSummary>> ArticleSummariesAsync(this IQueryable<Article> articles, CancellationToken cancellationToken) =>
        articles.AsNoTracking()
            .NewestFirst()
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
