using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impala.Discovery.Web.Features.Artists;

/// <summary>
/// /artists and /artists/{slug}: an artist named by a label's roster (or any fact of type 'artists') gets a page,
/// so a fan can follow them across labels, venues and festivals.
/// </summary>
public sealed class ArtistsController(DiscoveryDbContext db) : Controller
{
    /// <summary>Enough for a long scroll on a phone; thousands of artists are paged rather than sent at once.</summary>
    public const int PageSize = 300;

    [HttpGetOrHead(SitePaths.Artists)]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        if (this.RefuseOrRedirect(page, SitePaths.Artists) is { } answer)
        {
            return answer;
        }

        var artists = await ArtistSummariesAsync(cancellationToken);
        var pager = new Pager(page ?? 1, Pager.CountPages(artists.Count, PageSize), SitePaths.ArtistsPage, "Pages of artists");
        var current = pager.Page;
        if (current > pager.PageCount)
        {
            return NotFound();
        }

        var shown = artists.Skip(Pager.Skip(current, PageSize)).Take(PageSize)
            .GroupBy(artist => InitialOf(artist.Name))
            .ToList();
        var canonical = SitePaths.ArtistsPage(current);
        var text = PageTexts.Artists(artists.Count);
        var meta = PageMeta.For(current == 1 ? text : text with { Title = $"{text.Title} (page {current})" }, null, canonical) with
        {
            PreviousPath = pager.PreviousPath,
            NextPath = pager.NextPath,
        };
        return View(new ArtistsViewModel(meta, shown, artists.Count, pager));
    }

    [HttpGetOrHead(SitePaths.ArtistRoute)]
    public async Task<IActionResult> Artist(string slug, CancellationToken cancellationToken)
    {
        var names = await db.EntryArtists.AsNoTracking().Where(artist => artist.ArtistSlug == slug).Select(artist => artist.ArtistName)
            .ToListAsync(cancellationToken);
        if (names.Count == 0)
        {
            return await this.FormerAddressAsync(db, new PageAddress(PageType.Artist, Slug: slug), cancellationToken);
        }

        var name = ArtistNames.MostCommon(names);
        var naming = db.Entries.Where(entry => entry.Artists.Any(artist => artist.ArtistSlug == slug));
        var entries = await naming.OrderBy(entry => entry.Name).ToCardsAsync(cancellationToken);
        var rosters = await RostersAsync(slug, cancellationToken);
        // The other entries of the countries the naming entries are in: the scene around them. The countries are read
        // first: asked inside the query, SQLite looked them up again for every entry and country, 8 s at 10,000 entries.
        var countries = await naming.SelectMany(named => named.Countries).Select(country => country.CountrySlug).Distinct().ToListAsync(cancellationToken);
        var nearby = await db.Entries
            .Where(entry => !entry.Artists.Any(artist => artist.ArtistSlug == slug)
                && entry.Countries.Any(country => countries.Contains(country.CountrySlug)))
            .OrderBy(entry => entry.Kind.Position).ThenBy(entry => entry.Rank).ThenBy(entry => entry.Name)
            .Take(NearbyCount)
            .ToCardsAsync(cancellationToken);
        var meta = PageMeta.For(PageTexts.Artist(name, entries.Select(entry => entry.Name).ToList()), "Artists", SitePaths.Artist(slug));
        var artistTypes = await db.Kinds.AsNoTracking().ToDictionaryAsync(kind => kind.Key, kind => kind.ArtistType, cancellationToken);
        return View(new ArtistViewModel(meta, slug, name, entries, rosters, nearby, SchemaType(entries.Select(entry => artistTypes.GetValueOrDefault(entry.KindKey)))));
    }

    /// <summary>
    /// What the kinds naming the artist declare them to be ('artist_type' in kinds.yml): that type when they agree,
    /// else schema.org's plain Thing, which claims nothing an editor did not say.
    /// </summary>
    public static string SchemaType(IEnumerable<string?> declared)
    {
        var types = declared.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return types.Count == 1 ? types[0] : "Thing";
    }

    /// <summary>How many entries of the same countries an artist's page suggests: a row or two of cards.</summary>
    private const int NearbyCount = 6;

    /// <summary>Each entry naming the artist, with the other artists it names in the order it names them.</summary>
    private async Task<List<RosterMates>> RostersAsync(string slug, CancellationToken cancellationToken)
    {
        var rows = await db.EntryArtists.AsNoTracking()
            .Where(mate => mate.ArtistSlug != slug && mate.Entry.Artists.Any(artist => artist.ArtistSlug == slug))
            .OrderBy(mate => mate.Entry.Name).ThenBy(mate => mate.Position)
            .Select(mate => new { mate.Entry.Name, mate.Entry.KindKey, mate.Entry.Slug, mate.ArtistSlug, mate.ArtistName })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(row => (row.Name, Path: SitePaths.Entry(row.KindKey, row.Slug)))
            .Select(group => new RosterMates(group.Key.Name, group.Key.Path,
                group.DistinctBy(row => row.ArtistSlug).Select(row => new ArtistLink(row.ArtistSlug, row.ArtistName)).ToList()))
            .ToList();
    }

    private async Task<List<ArtistSummary>> ArtistSummariesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.EntryArtists.AsNoTracking().Select(artist => new { artist.ArtistSlug, artist.ArtistName }).ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.ArtistSlug, StringComparer.Ordinal)
            .Select(group => new ArtistSummary(group.Key, ArtistNames.MostCommon(group.Select(row => row.ArtistName).ToList()), group.Count()))
            .OrderBy(artist => artist.Name, NameOrder.Comparer)
            .ThenBy(artist => artist.Slug, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"A" for "Amon Tobin", "E" for "Élodie", "#" for "2manydjs": the letter people look under.</summary>
    private static string InitialOf(string name)
    {
        var first = name.Normalize(System.Text.NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsLetter(first) ? char.ToUpperInvariant(first).ToString() : "#";
    }
}
