using System.Linq.Expressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>
/// What an entry's page offers next, nearest first: the same city, then the same country, then the same genre, across
/// kinds. Each group leaves out the entries of the groups before it, so no entry shows twice; one query per group.
/// </summary>
public static class RelatedEntries
{
    public const string CityFactKey = "City";

    public const int PerGroup = 12;

    public const int InAll = 24;

    // English puts "the" before these names in running text: "Also in the United Kingdom".

    public static async Task<IReadOnlyList<RelatedGroup>> GroupsAsync(DiscoveryDbContext db, Entry entry, CancellationToken cancellationToken)
    {
        var cities = Values(entry, CityFactKey);
        var countrySlugs = entry.Countries.Select(country => country.CountrySlug).ToList();
        var genres = Values(entry, FactText.GenresKey);

        // Each group is "Id IN (the entries that match)", worked out once, rather than "EXISTS (a match of this entry)":
        // SQLite then reads the few matching rows (by the countries' and the fact values' indexes) instead of testing
        // all 10,000 entries in name order, which made an entry's page take 50-100 ms to render at 10,000 entries.
        // A city or a genre matches by its slug, as the kind pages' genre filter does: "Hip hop" is "hip-hop".
        var sameCityIds = SameValueIds(db, entry, CityFactKey);
        var sameCountryIds = db.EntryCountries.Where(country => countrySlugs.Contains(country.CountrySlug)).Select(country => country.EntryId);
        var sameGenreIds = SameValueIds(db, entry, FactText.GenresKey);
        Expression<Func<Entry, bool>> sameCity = e => sameCityIds.Contains(e.Id);
        Expression<Func<Entry, bool>> sameCountry = e => sameCountryIds.Contains(e.Id);
        Expression<Func<Entry, bool>> sameGenre = e => sameGenreIds.Contains(e.Id);

        var others = db.Entries.Where(e => e.Id != entry.Id);
        var groups = new List<RelatedGroup>();
        var room = InAll;
        if (cities.Count > 0)
        {
            await AddAsync(RelatedGroup.City, $"Also in {Formatting.Sentence(cities)}", others.Where(sameCity));
            others = others.Where(Not(sameCity));
        }

        if (countrySlugs.Count > 0)
        {
            var names = entry.Countries.OrderBy(country => country.Position).Select(country => KnownCountries.InRunningText(country.CountryName)).ToList();
            await AddAsync(RelatedGroup.Country, $"Also in {Formatting.Sentence(names)}", others.Where(sameCountry));
            others = others.Where(Not(sameCountry));
        }

        if (genres.Count > 0)
        {
            await AddAsync(RelatedGroup.Genre, $"Also {Formatting.Sentence(genres.Select(GenreInRunningText).ToList())}", others.Where(sameGenre));
        }

        return groups;

        async Task AddAsync(string by, string heading, IQueryable<Entry> matching)
        {
            if (room <= 0)
            {
                return;
            }

            var cards = await matching.OrderBy(e => e.KindKey).ThenBy(e => e.Name).Take(Math.Min(PerGroup, room)).ToCardsAsync(cancellationToken);
            if (cards.Count > 0)
            {
                groups.Add(new RelatedGroup(by, heading, cards));
                room -= cards.Count;
            }
        }
    }

    private static IQueryable<int> SameValueIds(DiscoveryDbContext db, Entry entry, string key)
    {
        var slugs = db.EntryFactValues.Where(value => value.EntryId == entry.Id && value.Key == key && value.Slug != "").Select(value => value.Slug);
        return db.EntryFactValues.Where(value => value.Key == key && slugs.Contains(value.Slug)).Select(value => value.EntryId);
    }

    private static List<string> Values(Entry entry, string key) =>
        entry.Facts.Where(fact => fact.Key == key).SelectMany(fact => fact.Values).Distinct().ToList();

    /// <summary>A genre in running text starts lower-case ("Also jazz"), unless it is an acronym ("EDM").</summary>
    private static string GenreInRunningText(string genre) =>
        genre.Length > 1 && char.IsUpper(genre[1]) ? genre : char.ToLowerInvariant(genre[0]) + genre[1..];

    private static Expression<Func<Entry, bool>> Not(Expression<Func<Entry, bool>> condition) =>
        Expression.Lambda<Func<Entry, bool>>(Expression.Not(condition.Body), condition.Parameters);
}
