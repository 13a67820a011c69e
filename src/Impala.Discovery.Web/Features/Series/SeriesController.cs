using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Series;

public sealed class SeriesController(DiscoveryDbContext db) : Controller
{
    /// <summary>Three years of articles a page: the index stays light however long the series runs.</summary>
    public const int PageSize = 36;

    [HttpGetOrHead(SitePaths.Series)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        if (this.RefuseOrRedirect(page, SitePaths.Series) is { } answer)
        {
            return answer;
        }

        var count = await db.Articles.CountAsync(cancellationToken);
        var pager = new Pager(page ?? 1, Pager.CountPages(count, PageSize), SitePaths.SeriesPage, "Pages of articles");
        if (pager.Page > pager.PageCount)
        {
            return NotFound();
        }

        var articles = await db.Articles.NewestFirst().Skip(Pager.Skip(pager.Page, PageSize)).Take(PageSize).ArticleSummariesAsync(cancellationToken);
        var text = pager.Page > 1 ? PageTexts.Series with { Title = $"{PageTexts.Series.Title}, page {pager.Page} of {pager.PageCount}" } : PageTexts.Series;
        var meta = PageMeta.For(text, null, SitePaths.SeriesPage(pager.Page)) with
        {
            PreviousPath = pager.PreviousPath,
            NextPath = pager.NextPath,
        };
        return View(new SeriesIndexViewModel(meta, articles, pager));
    }

    [HttpGetOrHead(SitePaths.ArticleRoute)]
    public async Task<IActionResult> Article(string slug, CancellationToken cancellationToken)
    {
        var articles = await db.Articles.ArticleSummariesAsync(cancellationToken);
        var index = articles.FindIndex(article => article.Slug == slug);
        if (index < 0)
        {
            return await this.FormerAddressAsync(db, PageAddress.Article(slug), cancellationToken);
        }

        var article = articles[index];
        var stored = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.IntroHtml, a.Picture }).FirstAsync(cancellationToken);
        var entryQuery = db.Entries.Where(entry => entry.Article.Slug == slug).OrderBy(entry => entry.Rank);
        var cards = await entryQuery.ToCardsAsync(cancellationToken);
        var bodies = await entryQuery.AsNoTracking().Select(entry => new { entry.Rank, entry.BodyHtml }).ToListAsync(cancellationToken);
        var entries = cards.Zip(bodies, (card, body) => new ArticleEntryView(body.Rank, card, body.BodyHtml)).ToList();

        var meta = PageMeta.For(PageTexts.Article(article.Title, article.Summary), null, article.Path, "article", article.Published);
        var picture = PictureView.From(stored.Picture);
        return View(new ArticleViewModel(meta with { SharePicture = picture }, article, stored.IntroHtml, entries,
            index > 0 ? articles[index - 1] : null,
            index + 1 < articles.Count ? articles[index + 1] : null)
        { Picture = picture });
    }
}
