using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Home;

public sealed class HomeController(DiscoveryDbContext db) : Controller
{
    public const string SiteName = "Impala Discovery";

    // The home page stays light however long the series runs: the rest is one click away on /series.
    private const int EarlierArticlesShown = 6;

    [HttpGetOrHead(SitePaths.Home)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // Only the articles shown are read: the series grows by one a month, the home page does not.
        var articles = await db.Articles.NewestFirst().Take(1 + EarlierArticlesShown).ArticleSummariesAsync(cancellationToken);
        var articleCount = await db.Articles.CountAsync(cancellationToken);
        var latest = articles.FirstOrDefault();
        var latestEntries = latest is null
            ? []
            : await db.Entries.Where(entry => entry.Article.Slug == latest.Slug).OrderBy(entry => entry.Rank).Take(8).ToCardsAsync(cancellationToken);
        var countryCount = await db.EntryCountries.Select(country => country.CountrySlug).Distinct().CountAsync(cancellationToken);

        var meta = PageMeta.For(PageTexts.Home, null, SitePaths.Home);
        return View(new HomeViewModel(meta, latest, latestEntries, await db.KindSummariesAsync(cancellationToken), countryCount, articles.Skip(1).ToList(), articleCount));
    }

    [HttpGetOrHead(SitePaths.About)]
    public async Task<IActionResult> About(CancellationToken cancellationToken)
    {
        var meta = PageMeta.For(PageTexts.About, null, SitePaths.About);
        return View(new AboutViewModel(meta, await db.KindSummariesAsync(cancellationToken), await db.Articles.CountAsync(cancellationToken)));
    }
}
