using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>/api/v1/countries/{slug}: a country's entries grouped by kind, as its page shows them.</summary>
[ApiController]
public sealed class CountriesApiController(DiscoveryDbContext db) : ControllerBase
{
    [HttpGetOrHead(SitePaths.Api + "/countries/{slug}")]
    [ProducesResponseType<ApiCountry>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public async Task<ActionResult<ApiCountry>> Country(string slug, CancellationToken cancellationToken)
    {
        var country = KnownCountries.FindBySlug(slug);
        var cards = country is null
            ? []
            : await db.Entries.Where(entry => entry.Countries.Any(c => c.CountrySlug == slug)).OrderBy(entry => entry.Name).ToCardsAsync(cancellationToken);
        if (country is null || cards.Count == 0)
        {
            return Problem($"The series has no entries in '{slug}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var groups = (await db.KindSummariesAsync(cancellationToken))
            .Select(kind => new ApiCountryKindGroup(kind.Key, kind.Singular, kind.Plural,
                cards.Where(card => card.KindKey == kind.Key).Select(card => ApiEntrySummary.From(card, HttpContext)).ToList()))
            .Where(group => group.Entries.Count > 0)
            .ToList();
        var reference = ApiCountryRef.From(country, HttpContext);
        return new ApiCountry(reference.Name, reference.Slug, reference.Code, reference.Url, reference.ApiUrl, cards.Count, groups);
    }
}
