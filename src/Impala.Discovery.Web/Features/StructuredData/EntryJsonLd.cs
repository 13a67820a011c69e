using System.Globalization;
using System.Text.Json.Nodes;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Entries;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.StructuredData;

/// <summary>
/// What an entry is, in schema.org terms, read from the facts its page shows (by their keys in kinds.yml). The four
/// kinds the series started with get the most specific type that fits; a kind an editor adds later (managers,
/// festivals) is a plain <c>Thing</c> with its name, page and description, since nothing tells us what it is.
/// </summary>
public static class EntryJsonLd
{
    // Schema.org has no record label type (only the recordLabel property, whose range is Organization), so a label
    // is an Organization that says, through additionalType, which kind of organisation: Wikidata's "record label".
    private const string RecordLabel = "https://www.wikidata.org/wiki/Q18127";

    public static JsonObject For(HttpContext http, EntryViewModel page)
    {
        var entry = page.Entry;
        var facts = page.Facts;
        var pageUrl = JsonLd.Url(http, entry.Path);
        var website = Link(facts, "Website");

        // The page is about the thing, not the thing itself: its own website (when the facts name one) is its url. Its
        // website and its profiles elsewhere (the links facts) are the same thing seen from other sites: sameAs.
        var sameAs = new[] { website }.Concat(page.Links.Select(link => link.Href)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        (string, JsonNode?)[] common =
        [
            ("name", entry.Name), ("description", page.Meta.Description), ("url", website ?? pageUrl),
            ("mainEntityOfPage", pageUrl), ("image", entry.Picture is { } picture ? JsonLd.Url(http, picture.LargestJpeg) : null), ("sameAs", sameAs.Count == 1 ? sameAs[0] : JsonLd.Array(sameAs.Select(url => JsonValue.Create(url)))),
        ];
        return entry.KindKey switch
        {
            "labels" => JsonLd.Document("Organization",
            [
                ("additionalType", RecordLabel), .. common,
                ("foundingDate", Year(facts, "Founded")),
                ("location", Place(Text(facts, "City"), Text(facts, "Country"))),
                // Founders are written as names, sometimes of a group ("the four members of Thau"): schema.org takes
                // text where it expects a Person, and text claims no more than the article does.
                ("founder", JsonLd.Array(Texts(facts, "Founders").Select(name => JsonValue.Create(name)))),
            ]),
            "venues" => JsonLd.Document("MusicVenue",
            [
                .. common,
                ("address", Address(Text(facts, "City"), Text(facts, "Country"))),
                ("maximumAttendeeCapacity", Number(facts, "Capacity")),
            ]),
            // An association is known by its acronym; its full name is how it is written out, not necessarily its
            // registered (legal) name, which is often in another language.
            "associations" => JsonLd.Document("Organization",
            [
                .. common,
                ("alternateName", Text(facts, "Full name")),
                ("foundingDate", Year(facts, "Founded")),
                ("areaServed", JsonLd.Array(Texts(facts, "Territories").Select(name => JsonLd.Node("Country", ("name", name))))),
            ]),
            // A milestone is something that happened in a year (or over several), which is what schema.org's Event
            // says. It is no event anyone can attend, so Google shows no event result for it, and none is wanted.
            "milestones" => JsonLd.Document("Event",
            [
                .. common,
                ("startDate", Years(facts) is [var first, ..] ? first : null),
                ("endDate", Years(facts) is { Count: > 1 } years ? years[^1] : null),
            ]),
            _ => JsonLd.Document("Thing", common),
        };
    }

    private static JsonObject? Place(string? city, string? country) =>
        Address(city, country) is { } address
            ? JsonLd.Node("Place", ("name", string.Join(", ", new[] { city, country }.OfType<string>())), ("address", address))
            : null;

    /// <summary>Google asks for the country as its ISO 3166-1 alpha-2 code; every country the site knows has one.</summary>
    private static JsonObject? Address(string? city, string? country) =>
        city is null && country is null
            ? null
            : JsonLd.Node("PostalAddress", ("addressLocality", city), ("addressCountry", country is null ? null : KnownCountries.Find(country)?.Code ?? country));

    private static FactView? Fact(IReadOnlyList<FactView> facts, string key) =>
        facts.FirstOrDefault(fact => string.Equals(fact.Key, key, StringComparison.OrdinalIgnoreCase));

    private static List<string> Texts(IReadOnlyList<FactView> facts, string key) =>
        Fact(facts, key)?.Values.Select(value => value.Text).ToList() ?? [];

    private static string? Text(IReadOnlyList<FactView> facts, string key) => Texts(facts, key) is [var first, ..] ? first : null;

    private static string? Link(IReadOnlyList<FactView> facts, string key) => Fact(facts, key)?.Values is [var first, ..] ? first.Href : null;

    /// <summary>A year fact as an ISO 8601 year: "c. 1990" (approximate) is still 1990.</summary>
    private static string? Year(IReadOnlyList<FactView> facts, string key) =>
        Fact(facts, key)?.Numbers is [var year, ..] ? IsoYear(year) : null;

    /// <summary>A milestone's years: every one it lists, or else its one year.</summary>
    private static List<string> Years(IReadOnlyList<FactView> facts)
    {
        var listed = (Fact(facts, "Years")?.Numbers ?? []).Select(IsoYear).ToList();
        return listed.Count > 0 ? listed : Year(facts, "Year") is { } year ? [year] : [];
    }

    private static string IsoYear(long year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number fact as the import read it: a range ("1,600–2,000") gives its top, the most people the place holds.</summary>
    private static long? Number(IReadOnlyList<FactView> facts, string key) =>
        Fact(facts, key)?.Numbers is [.., var top] ? top : null;
}
