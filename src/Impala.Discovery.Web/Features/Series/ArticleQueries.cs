using Impala.Discovery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Series;

public static class ArticleQueries
{
    /// <summary>Articles, newest first.</summary>
    public static Task<List<ArticleSummary>> ArticleSummariesAsync(this IQueryable<Article> articles, DiscoveryDbContext db, CancellationToken cancellationToken) =>
        articles.AsNoTracking()
            .OrderByDescending(article => article.Published).ThenBy(article => article.Slug)
            .Select(article => new ArticleSummary(
                article.Slug,
                article.Title,
                article.Summary,
                article.Published,
                article.KindKey,
                db.Kinds.Where(kind => kind.Key == article.KindKey).Select(kind => kind.Plural).FirstOrDefault() ?? article.KindKey,
                db.Kinds.Where(kind => kind.Key == article.KindKey).Select(kind => kind.Colour).FirstOrDefault() ?? "#475569",
                article.Entries.Count))
            .ToListAsync(cancellationToken);
}
