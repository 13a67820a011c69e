using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Artists;
using Impala.Discovery.Web.Features.Countries;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// Reads from the store what a page's pictures are drawn from: its sleeve (an entry's, or a cover built from an
/// article's, a kind's or a country's entries) and what its social card says. A path that is no page gives null.
/// </summary>
public sealed class PagePictures(DiscoveryDbContext db)
{
    /// <summary>The site's accent (site.css), for pages that belong to no kind.</summary>
    public static readonly SKColor Accent = SKColor.Parse("#c2410c");

    private const int CoverTiles = 24;

    /// <summary>The sleeve of an entry or the cover of an article: the artwork that stands in for a picture.</summary>
    public async Task<Drawing?> ArtworkAsync(PageAddress page, CancellationToken cancellationToken) =>
        page switch
        {
            { Type: PageType.Article, Slug: var slug } => (await ArticleAsync(slug!, cancellationToken))?.Artwork,
            { Type: PageType.Entry, Kind: var kind, Slug: var slug } => await EntrySubjectAsync(kind!, slug!, cancellationToken) is { } entry ? Sleeve.Draw(entry.Sleeve) : null,
            _ => null,
        };

    /// <summary>What the social card of any page shows, and its artwork.</summary>
    public async Task<(CardText Text, Drawing Artwork)?> CardAsync(PageAddress page, CancellationToken cancellationToken)
    {
        var pagePath = page.Path;
        switch (page)
        {
            case { Type: PageType.Home }:
                return await GeneralAsync("Discovery series", PageTexts.Home, pagePath, cancellationToken);
            case { Type: PageType.About }:
                return await GeneralAsync("About", PageTexts.About, pagePath, cancellationToken);
            case { Type: PageType.Series }:
                return await GeneralAsync("Series", PageTexts.Series, pagePath, cancellationToken);
            case { Type: PageType.Countries }:
                return await GeneralAsync("Countries", PageTexts.Countries((await db.CountrySummariesAsync(cancellationToken)).Count), pagePath, cancellationToken);
            case { Type: PageType.Search }:
                return await GeneralAsync("Search", PageTexts.Search, pagePath, cancellationToken);
            case { Type: PageType.Artists }:
                var artistCount = await db.EntryArtists.Select(artist => artist.ArtistSlug).Distinct().CountAsync(cancellationToken);
                return await GeneralAsync("Artists", PageTexts.Artists(artistCount), pagePath, cancellationToken);
            case { Type: PageType.Article, Slug: { } slug }:
                return await ArticleAsync(slug, cancellationToken) is { } article ? (article.Text, article.Artwork) : null;
            case { Type: PageType.Artist, Slug: { } slug }:
                return await ArtistAsync(slug, cancellationToken);
            case { Type: PageType.Country, Slug: { } slug }:
                return await CountryAsync(slug, cancellationToken);
            case { Type: PageType.KindIndex, Kind: { } kind }:
                return await KindAsync(kind, cancellationToken);
            case { Type: PageType.Entry, Kind: { } kind, Slug: { } slug }:
                if (await EntrySubjectAsync(kind, slug, cancellationToken) is not { } entry)
                {
                    return null;
                }

                return (new CardText(entry.Kind, entry.Sleeve.Colour, entry.Sleeve.Name, entry.Caption, $"No. {entry.Rank} of \u201c{entry.ArticleTitle}\u201d"), Sleeve.Draw(entry.Sleeve));
            default:
                return null;
        }
    }

    /// <summary>An entry's sleeve subject and what its card says, or null when there is no such entry.</summary>
    public async Task<EntryPicture?> EntrySubjectAsync(string kind, string slug, CancellationToken cancellationToken)
    {
        var row = await db.Entries.AsNoTracking()
            .Where(entry => entry.KindKey == kind && entry.Slug == slug)
            .Select(entry => new
            {
                entry.Name,
                Path = SitePaths.Entry(entry.KindKey, entry.Slug),
                entry.Kind.Singular,
                entry.Kind.Colour,
                entry.YearLabel,
                entry.Caption,
                entry.Rank,
                ArticleSlug = entry.Article.Slug,
                ArticleTitle = entry.Article.Title,
                Countries = entry.Countries.OrderBy(country => country.Position).Select(country => country.CountrySlug).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var sleeve = new SleeveSubject(row.Path, row.Name, Colour(row.Colour), Mark(row.Countries, row.YearLabel), Label(row.Singular, row.YearLabel),
            Place(row.ArticleSlug, row.Rank));
        return new EntryPicture(sleeve, row.Singular, row.Caption, row.Rank, row.ArticleTitle);
    }

    private async Task<(CardText Text, Drawing Artwork)?> ArticleAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Title, a.Summary, a.Published, a.Kind.Plural, a.Kind.Colour, Count = a.Entries.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var tiles = await TilesAsync(db.Entries.Where(entry => entry.Article.Slug == slug).OrderBy(entry => entry.Rank), cancellationToken);
        var subject = new SleeveSubject(SitePaths.Article(slug), article.Title, Colour(article.Colour), Formatting.Number(article.Count),
            $"The discovery series \u00b7 {article.Published.ToString("MMMM yyyy", Formatting.Culture)}");
        var page = PageTexts.Article(article.Title, article.Summary);
        var text = new CardText(article.Plural, subject.Colour, page.Title, page.Description, $"Published {Formatting.Date(article.Published)}");
        return (text, Sleeve.Cover(subject, tiles));
    }

    private async Task<(CardText Text, Drawing Artwork)?> KindAsync(string key, CancellationToken cancellationToken)
    {
        var kind = (await db.KindSummariesAsync(cancellationToken)).FirstOrDefault(summary => summary.Key == key);
        if (kind is null)
        {
            return null;
        }

        var tiles = await TilesAsync(db.Entries.Where(entry => entry.KindKey == key).OrderBy(entry => entry.Name), cancellationToken);
        var subject = new SleeveSubject(SitePaths.Kind(key), kind.Plural, Colour(kind.Colour), Formatting.Number(kind.Count), "The discovery series");
        var page = PageTexts.Kind(kind);
        var text = new CardText(kind.Plural, subject.Colour, page.Title, page.Description, $"{Formatting.Number(kind.Count)} {kind.Plural.ToLowerInvariant()} in the discovery series");
        return (text, Sleeve.Cover(subject, tiles));
    }

    private async Task<(CardText Text, Drawing Artwork)?> CountryAsync(string slug, CancellationToken cancellationToken)
    {
        var country = KnownCountries.FindBySlug(slug);
        var entries = db.Entries.Where(entry => entry.Countries.Any(c => c.CountrySlug == slug));
        var countsByKind = (await db.CountrySummariesAsync(cancellationToken)).FirstOrDefault(summary => summary.Country.Slug == slug)?.CountsByKind;
        if (country is null || countsByKind is null)
        {
            return null;
        }

        var tiles = await TilesAsync(entries.OrderBy(entry => entry.Kind.Position).ThenBy(entry => entry.Name), cancellationToken);
        var subject = new SleeveSubject(SitePaths.Country(slug), country.Name, Accent, country.Code, "Independent music in");
        var page = PageTexts.Country(country, await db.KindSummariesAsync(cancellationToken), countsByKind);
        var text = new CardText("Country", Accent, page.Title, page.Description, "Countries of the discovery series");
        return (text, Sleeve.Cover(subject, tiles));
    }

    private async Task<(CardText Text, Drawing Artwork)?> ArtistAsync(string slug, CancellationToken cancellationToken)
    {
        var names = await db.EntryArtists.AsNoTracking().Where(artist => artist.ArtistSlug == slug).Select(artist => artist.ArtistName).ToListAsync(cancellationToken);
        if (names.Count == 0)
        {
            return null;
        }

        var name = ArtistNames.MostCommon(names);
        var entries = db.Entries.Where(entry => entry.Artists.Any(artist => artist.ArtistSlug == slug));
        var namedBy = await entries.OrderBy(entry => entry.Name).Select(entry => entry.Name).ToListAsync(cancellationToken);
        var count = namedBy.Count;
        var tiles = await TilesAsync(entries.OrderBy(entry => entry.Name), cancellationToken);
        var subject = new SleeveSubject(SitePaths.Artist(slug), name, Accent, Formatting.Number(count), "Artist");
        var page = PageTexts.Artist(name, namedBy);
        var text = new CardText("Artist", Accent, page.Title, page.Description, "Artists of the discovery series");
        return (text, Sleeve.Cover(subject, tiles));
    }

    /// <summary>Pages of the whole site: a cover from the first entries of every article, so it shows every kind.</summary>
    private async Task<(CardText Text, Drawing Artwork)> GeneralAsync(string badge, PageText page, string pagePath, CancellationToken cancellationToken)
    {
        var (title, caption) = (page.Title, page.Description);
        var tiles = await TilesAsync(db.Entries.OrderBy(entry => entry.Rank).ThenBy(entry => entry.Kind.Position), cancellationToken);
        var subject = new SleeveSubject(pagePath, title, Accent, "", "IMPALA \u00b7 The discovery series");
        return (new CardText(badge, Accent, title, caption, "Europe's independent music sector, one article a month"), Sleeve.Cover(subject, tiles));
    }

    private static async Task<List<SleeveSubject>> TilesAsync(IQueryable<Entry> entries, CancellationToken cancellationToken)
    {
        var rows = await entries.AsNoTracking().Take(CoverTiles)
            .Select(entry => new { entry.KindKey, entry.Slug, entry.Name, entry.Kind.Colour, ArticleSlug = entry.Article.Slug, entry.Rank })
            .ToListAsync(cancellationToken);
        return rows.Select(row => new SleeveSubject(SitePaths.Entry(row.KindKey, row.Slug), row.Name, Colour(row.Colour), "", "", Place(row.ArticleSlug, row.Rank))).ToList();
    }

    /// <summary>An entry's place among its article's sleeves (ranks count from 1), so that no two of them look alike.</summary>
    private static SleevePlace Place(string articleSlug, int rank) => new(SitePaths.Article(articleSlug), rank - 1);

    /// <summary>Kind colours are checked at import; a colour Skia cannot read falls back to the accent.</summary>
    private static SKColor Colour(string colour) => SKColor.TryParse(colour, out var parsed) ? parsed : Accent;

    /// <summary>The sticker: the entry's country code (the first of several, with a plus), else its year.</summary>
    private static string Mark(List<string> countrySlugs, string? yearLabel) =>
        countrySlugs.Count > 0 && KnownCountries.FindBySlug(countrySlugs[0]) is { } first
            ? first.Code + (countrySlugs.Count > 1 ? "+" : "")
            : yearLabel ?? "";

    private static string Label(string singular, string? yearLabel) => yearLabel is null ? singular : $"{singular} \u00b7 {yearLabel}";
}
