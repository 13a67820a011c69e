using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Countries;

public sealed class CountriesController(DiscoveryDbContext db) : Controller
{
    [HttpGetOrHead(SitePaths.Countries)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var countries = await db.CountrySummariesAsync(cancellationToken);
        var meta = PageMeta.For(PageTexts.Countries(countries.Count), null, SitePaths.Countries);
        return View(new CountriesViewModel(meta, countries, await db.KindSummariesAsync(cancellationToken), EuropeMap.For(countries)));
    }

    [HttpGetOrHead(SitePaths.CountryRoute)]
    public async Task<IActionResult> Country(string slug, CancellationToken cancellationToken)
    {
        var countries = await db.CountrySummariesAsync(cancellationToken);
        var country = countries.FirstOrDefault(summary => summary.Country.Slug == slug);
        if (country is null)
        {
            return await this.FormerAddressAsync(db, new PageAddress(PageType.Country, Slug: slug), cancellationToken);
        }

        var cards = await db.Entries.Where(entry => entry.Countries.Any(c => c.CountrySlug == slug))
            .OrderBy(entry => entry.Name)
            .ToCardsAsync(cancellationToken);
        var groups = (await db.KindSummariesAsync(cancellationToken))
            .Select(kind => new CountryKindGroup(kind, cards.Where(card => card.KindKey == kind.Key).ToList()))
            .Where(group => group.Entries.Count > 0)
            .ToList();
        var meta = PageMeta.For(PageTexts.Country(country.Country, groups.Select(group => group.Kind), country.CountsByKind), "Countries", country.Path);
        return View(new CountryViewModel(meta, country.Country, groups, EuropeMap.For(countries, slug)));
    }
}
