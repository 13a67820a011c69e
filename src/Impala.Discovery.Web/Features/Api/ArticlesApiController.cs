using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>/api/v1/articles and /api/v1/articles/{slug}. The store holds published articles only: drafts and scheduled ones never appear.</summary>
[ApiController]
public sealed class ArticlesApiController(DiscoveryDbContext db) : ControllerBase
{
    [HttpGetOrHead(SitePaths.Api + "/articles")]
    [ProducesResponseType<ApiArticleList>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<ApiArticleList>> Articles(CancellationToken cancellationToken)
    {
        var articles = await db.Articles.ArticleSummariesAsync(cancellationToken);
        return new ApiArticleList(articles.Select(article => ApiArticleSummary.From(article, HttpContext)).ToList());
    }

    /// <summary>
    /// One article with its intro and its entries in order. A former slug or a renamed file's old address answers 301
    /// with the article's API address, a deleted article's 410, as their pages do.
    /// </summary>
    [HttpGetOrHead(SitePaths.Api + "/articles/{slug}")]
    [ProducesResponseType<ApiArticle>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    public async Task<ActionResult<ApiArticle>> Article(string slug, CancellationToken cancellationToken)
    {
        var article = (await db.Articles.Where(a => a.Slug == slug).ArticleSummariesAsync(cancellationToken)).FirstOrDefault();
        if (article is null)
        {
            return await this.ApiFormerAddressAsync(db, PageAddress.Article(slug),
                $"There is no published article '{slug}'. {SitePaths.ApiArticles} lists every article.", cancellationToken);
        }

        var stored = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.IntroHtml, a.Picture }).FirstAsync(cancellationToken);
        var entries = db.Entries.Where(entry => entry.Article.Slug == slug).OrderBy(entry => entry.Rank);
        var cards = await entries.ToCardsAsync(cancellationToken);
        var ranks = await entries.Select(entry => entry.Rank).ToListAsync(cancellationToken);
        return new ApiArticle(article.Slug, article.Title, article.Summary, article.Published, article.KindKey, stored.IntroHtml,
            SiteAddress.Absolute(HttpContext, article.Path),
            SiteAddress.Absolute(HttpContext, SitePaths.ApiArticle(article.Slug)),
            SiteAddress.Absolute(HttpContext, SitePaths.SocialCard(article.Path)),
            cards.Zip(ranks, (card, rank) => new ApiRankedEntry(rank, ApiEntrySummary.From(card, HttpContext))).ToList(),
            ApiPicture.From(PictureView.From(stored.Picture), HttpContext));

    }
}
