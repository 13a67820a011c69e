using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Entries;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>/api/v1/kinds, /api/v1/{kind} and /api/v1/{kind}/{slug}: the data of the kind pages, for machines. Kinds are data.</summary>
[ApiController]
public sealed class KindsApiController(DiscoveryDbContext db) : ControllerBase
{
    public const int DefaultPageSize = 60;
    public const int MaxPageSize = 200;

    [HttpGetOrHead(SitePaths.Api + "/kinds")]
    [ProducesResponseType<ApiKindList>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<ApiKindList>> Kinds(CancellationToken cancellationToken)
    {
        var facts = await db.Kinds.AsNoTracking().ToDictionaryAsync(kind => kind.Key, kind => kind.Facts, cancellationToken);
        var kinds = await db.KindSummariesAsync(cancellationToken);
        return new ApiKindList(kinds.Select(kind => ApiKind.From(kind, facts.GetValueOrDefault(kind.Key) ?? [], HttpContext)).ToList());
    }

    /// <summary>
    /// A kind's entries as its page lists them (the same query: order, filters, paging), filtered by <c>country</c> slug
    /// and <c>decade</c> such as 1990s.
    /// </summary>
    [HttpGetOrHead(SitePaths.Api + "/{kind}")]
    [ProducesResponseType<ApiEntryPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    public async Task<ActionResult<ApiEntryPage>> Kind(string kind, string? country, string? decade, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        ActionResult NoSuchKind() => Problem($"There is no kind '{kind}'. {SitePaths.ApiKinds} lists every kind.", statusCode: StatusCodes.Status404NotFound);
        if (!await db.Kinds.AnyAsync(k => k.Key == kind && k.Entries.Any(), cancellationToken))
        {
            // A kind taken off the site answers 410 here as its page does, and one that moved redirects its unfiltered
            // list (found by replay 8).
            var kindPage = Web.Content.Addresses.PageAddress.KindIndex(kind);
            var unfiltered = country is null && decade is null && page is null && pageSize is null;
            return await db.FateAsync(kindPage, cancellationToken) is { } fate && (fate.MovedTo is null || unfiltered)
                ? await this.ApiFormerAddressAsync(db, kindPage, "", cancellationToken)
                : NoSuchKind();
        }

        country = string.IsNullOrWhiteSpace(country) ? null : country;
        decade = string.IsNullOrWhiteSpace(decade) ? null : decade;
        if (country is not null && KnownCountries.FindBySlug(country) is null)
        {
            return Problem($"'{country}' is not a country this site knows. Give a country's slug, such as 'denmark' or 'united-kingdom'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!KindIndexSelection.TryParseDecade(decade, out var decadeStart))
        {
            return Problem($"'{decade}' is not a decade. Write one such as 1990s.", statusCode: StatusCodes.Status400BadRequest);
        }

        var size = pageSize ?? DefaultPageSize;
        if (page < 1 || size is < 1 or > MaxPageSize)
        {
            return Problem($"page starts at 1 and pageSize runs from 1 to {MaxPageSize} (default {DefaultPageSize}).", statusCode: StatusCodes.Status400BadRequest);
        }

        // The page's own listing, in the kind's own order, so that the API and the page agree entry for entry.
        var selection = new KindIndexSelection(country, decadeStart, null, null, page ?? 1);
        var listing = await new KindIndexQuery(db).ListAsync(kind, selection, size, cancellationToken);
        if (listing is null)
        {
            return NoSuchKind(); // the kind went away since the check above, in an import
        }

        var number = selection.Page;
        if (listing.IsPastTheEnd)
        {
            return Problem($"Page {number} is past the last page: {listing.Total} entries at {size} a page.", statusCode: StatusCodes.Status404NotFound);
        }

        var countrySlug = listing.Country?.Slug;
        var decadeLabel = decadeStart is { } start ? KindIndexSelection.DecadeValue(start) : null;
        string PageAddress(int other) =>
            SiteAddress.Absolute(HttpContext, SitePaths.ApiKindFiltered(kind, countrySlug, decadeLabel, other, pageSize is null ? null : size));
        return new ApiEntryPage(kind, countrySlug, decadeLabel, listing.Total, number, size,
            number < listing.PageCount ? PageAddress(number + 1) : null,
            number > 1 ? PageAddress(number - 1) : null,
            listing.Entries.Select(card => ApiEntrySummary.From(card, HttpContext)).ToList());
    }

    /// <summary>
    /// One entry as its page shows it. A former slug or a renamed entry's old address answers 301 with the entry's API
    /// address, a deleted entry's 410, as their pages do.
    /// </summary>
    [HttpGetOrHead(SitePaths.Api + "/{kind}/{slug}")]
    [ProducesResponseType<ApiEntry>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    public async Task<ActionResult<ApiEntry>> Entry(string kind, string slug, CancellationToken cancellationToken)
    {
        var entry = await db.FindEntryAsync(kind, slug, cancellationToken);
        if (entry is null)
        {
            return await this.ApiFormerAddressAsync(db, PageAddress.Entry(kind, slug), $"There is no entry '{slug}' of the kind '{kind}'.", cancellationToken);
        }

        var article = (await db.Articles.Where(a => a.Id == entry.ArticleId).ArticleSummariesAsync(cancellationToken)).First();
        var aliases = await db.EntryAliases.Where(alias => alias.EntryId == entry.Id).OrderBy(alias => alias.Slug).Select(alias => alias.Slug)
            .ToListAsync(cancellationToken);
        var related = await RelatedEntries.GroupsAsync(db, entry, cancellationToken);
        var linkedFrom = await MentionedIn.CardsAsync(db, entry, aliases, cancellationToken);
        return new ApiEntry(entry.Name, entry.Slug, entry.KindKey, entry.Caption, entry.Year,
            entry.Countries.OrderBy(country => country.Position).Select(country => ApiCountryRef.FromName(country.CountryName, HttpContext)).ToList(),
            entry.Facts.OrderBy(fact => fact.Position).Select(fact => ApiFact.From(fact, entry.KindKey, HttpContext)).ToList(),
            entry.BodyHtml,
            ApiArticleRef.From(article, HttpContext),
            entry.Rank,
            aliases,
            SiteAddress.Absolute(HttpContext, entry.Path),
            SiteAddress.Absolute(HttpContext, SitePaths.ApiEntry(kind, entry.Slug)),
            SiteAddress.Absolute(HttpContext, SitePaths.SocialCard(entry.Path)),
            related.SelectMany(group => group.Entries).Select(card => ApiEntrySummary.From(card, HttpContext)).ToList(),
            linkedFrom.Select(card => ApiEntrySummary.From(card, HttpContext)).ToList(),
            related.Select(group => ApiRelatedGroup.From(group, HttpContext)).ToList(),
            ApiPicture.From(PictureView.From(entry.Picture), HttpContext));
    }
}
