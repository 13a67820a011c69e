// The API's wire records, in one file: the public contract of /api/v1 (README "JSON API"), read and changed as one.
// Each record's From maps the read model to it; no record derives anything the import did not store.
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;
using Impala.Discovery.Web.Features.Entries;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Series;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>One published article: its intro as sanitised HTML and its entries in order.</summary>
public sealed record ApiArticle(
    string Slug,
    string Title,
    string Summary,
    DateOnly Published,
    string Kind,
    string IntroHtml,
    string Url,
    string ApiUrl,
    string ImageUrl,
    IReadOnlyList<ApiRankedEntry> Entries,
    ApiPicture? Picture);

/// <summary>Every published article, newest first.</summary>
public sealed record ApiArticleList(IReadOnlyList<ApiArticleSummary> Articles);

/// <summary>The article an entry belongs to.</summary>
public sealed record ApiArticleRef(string Slug, string Title, DateOnly Published, string Url, string ApiUrl)
{
    public static ApiArticleRef From(ArticleSummary article, HttpContext context) =>
        new(article.Slug, article.Title, article.Published,
            SiteAddress.Absolute(context, article.Path),
            SiteAddress.Absolute(context, SitePaths.ApiArticle(article.Slug)));
}

/// <summary>A published article as the series lists it.</summary>
public sealed record ApiArticleSummary(
    string Slug,
    string Title,
    string Summary,
    DateOnly Published,
    string Kind,
    int EntryCount,
    string Url,
    string ApiUrl)
{
    public static ApiArticleSummary From(ArticleSummary article, HttpContext context) =>
        new(article.Slug, article.Title, article.Summary, article.Published, article.KindKey, article.EntryCount,
            SiteAddress.Absolute(context, article.Path),
            SiteAddress.Absolute(context, SitePaths.ApiArticle(article.Slug)));
}

/// <summary>A country with its entries grouped by kind, kinds in the order of kinds.yml.</summary>
public sealed record ApiCountry(
    string Name,
    string Slug,
    string Code,
    string Url,
    string ApiUrl,
    int EntryCount,
    IReadOnlyList<ApiCountryKindGroup> Kinds);

/// <summary>The entries of one kind in a country, by name.</summary>
public sealed record ApiCountryKindGroup(string Kind, string Singular, string Plural, IReadOnlyList<ApiEntrySummary> Entries);

/// <summary>A country as the API names it: English name, slug of its page, ISO 3166 code and both addresses.</summary>
public sealed record ApiCountryRef(string Name, string Slug, string Code, string Url, string ApiUrl)
{
    public static ApiCountryRef From(Country country, HttpContext context) =>
        new(country.Name, country.Slug, country.Code,
            SiteAddress.Absolute(context, SitePaths.Country(country.Slug)),
            SiteAddress.Absolute(context, SitePaths.ApiCountry(country.Slug)));

    /// <summary>The stored names are the site's own country names, so the lookup always finds one.</summary>
    public static ApiCountryRef FromName(string name, HttpContext context) => From(KnownCountries.Find(name)!, context);
}

/// <summary>
/// One entry with everything its page shows: facts with their types, its prose as the page's sanitised HTML, the
/// article it belongs to and its place there, its related entries and entries whose prose links to it.
/// </summary>
/// <remarks>
/// <see cref="RelatedGroups"/> are what the page offers next, nearest first: the same city, then country, then genre,
/// across kinds. <see cref="Related"/> lists their entries in that order as one list, the shape v1 began with.
/// </remarks>
public sealed record ApiEntry(
    string Name,
    string Slug,
    string Kind,
    string Caption,
    int? Year,
    IReadOnlyList<ApiCountryRef> Countries,
    IReadOnlyList<ApiFact> Facts,
    string BodyHtml,
    ApiArticleRef Article,
    int Rank,
    IReadOnlyList<string> Aliases,
    string Url,
    string ApiUrl,
    string ImageUrl,
    IReadOnlyList<ApiEntrySummary> Related,
    IReadOnlyList<ApiEntrySummary> LinkedFrom,
    IReadOnlyList<ApiRelatedGroup> RelatedGroups,
    ApiPicture? Picture);

/// <summary>
/// One page of a kind's entries, in the order of the kind's page, with the filters it was asked with. <c>total</c> counts every
/// entry that matches the filters; <c>next</c> and <c>prev</c> are absolute addresses, null at the ends.
/// </summary>
public sealed record ApiEntryPage(
    string Kind,
    string? Country,
    string? Decade,
    int Total,
    int Page,
    int PageSize,
    string? Next,
    string? Prev,
    IReadOnlyList<ApiEntrySummary> Entries);

/// <summary>An entry in a list: what its card on a page shows, with its page and API addresses.</summary>
public sealed record ApiEntrySummary(
    string Name,
    string Slug,
    string Kind,
    string Caption,
    int? Year,
    IReadOnlyList<ApiCountryRef> Countries,
    string Url,
    string ApiUrl)
{
    public static ApiEntrySummary From(EntryCard card, HttpContext context) =>
        new(card.Name, card.Slug, card.KindKey, card.Caption, card.Year,
            card.Countries.Select(name => ApiCountryRef.FromName(name, context)).ToList(),
            SiteAddress.Absolute(context, card.Path),
            SiteAddress.Absolute(context, SitePaths.ApiEntry(card.KindKey, card.Slug)));
}

/// <summary>
/// One fact of an entry. <c>value</c> is typed by <c>type</c>: text and url a string, list and artists an array of
/// strings, links an array of { service, url }, year a number, years an array of numbers, number a number (a range's low end, its high end in
/// <c>maximum</c>), country a country object, countries an array of them. <c>text</c> is the fact as
/// the entry's page shows it. <c>approximate</c> is set for year and years ("c. 2000"), null otherwise.
/// </summary>
public sealed record ApiFact(string Key, string Type, object Value, string Text, bool? Approximate, long? Maximum)
{
    /// <summary>The type as kinds.yml writes it: text, list, artists, year, years, number, url, links, country, countries.</summary>
    public static string TypeName(FactType type) => type.ToString().ToLowerInvariant();

    public static ApiFact From(EntryFact fact, string kind, HttpContext context)
    {
        var text = string.Join(", ", Formatting.Fact(fact, kind).Values.Select(value => value.Text));
        var approximate = fact.Type is FactType.Year or FactType.Years ? fact.Approximate : (bool?)null;
        object value = fact.Type switch
        {
            FactType.List or FactType.Artists => fact.Values,
            FactType.Links => fact.Values.Select(url => new ApiLink(LinkServices.Name(url), url)).ToList(),
            FactType.Year => fact.Numbers[0],
            FactType.Years => fact.Numbers,
            FactType.Number => fact.Numbers[0],
            FactType.Country => ApiCountryRef.FromName(fact.Values[0], context),
            FactType.Countries => fact.Values.Select(name => ApiCountryRef.FromName(name, context)).ToList(),
            _ => fact.Values[0],
        };
        return new ApiFact(fact.Key, TypeName(fact.Type), value, text, approximate,
            fact.Type == FactType.Number && fact.Numbers[1] != fact.Numbers[0] ? fact.Numbers[1] : null);
    }
}

/// <summary>One key of a kind's facts schema, as kinds.yml declares it; <c>type</c> is one of kinds.yml's type names.</summary>
public sealed record ApiFactDefinition(string Key, string Type, bool Required)
{
    public static ApiFactDefinition From(FactDefinition fact) => new(fact.Key, ApiFact.TypeName(fact.Type), fact.Required);
}

/// <summary>A kind of entry with its facts schema and how many entries it has.</summary>
public sealed record ApiKind(
    string Key,
    string Singular,
    string Plural,
    string Colour,
    string Intro,
    IReadOnlyList<ApiFactDefinition> Facts,
    int EntryCount,
    string Url,
    string ApiUrl)
{
    public static ApiKind From(KindSummary kind, IEnumerable<FactDefinition> facts, HttpContext context) =>
        new(kind.Key, kind.Singular, kind.Plural, kind.Colour, kind.Intro,
            facts.Select(ApiFactDefinition.From).ToList(),
            kind.Count,
            SiteAddress.Absolute(context, SitePaths.Kind(kind.Key)),
            SiteAddress.Absolute(context, SitePaths.ApiKind(kind.Key)));
}

/// <summary>Every kind that has entries, in the order of kinds.yml.</summary>
public sealed record ApiKindList(IReadOnlyList<ApiKind> Kinds);

/// <summary>One address of a links fact: the service's name as the page's button shows it ("Bandcamp") and the address.</summary>
public sealed record ApiLink(string Service, string Url);

/// <summary>
/// An editor's picture: what it shows in words, its credit (to be shown with it), its size, and every rendition the
/// pages use, so a client can pick one as a browser picks from <c>srcset</c>. Rendition URLs never change content.
/// </summary>
public sealed record ApiPicture(string Alt, string? Credit, int Width, int Height, IReadOnlyList<ApiPictureRendition> Renditions)
{
    public static ApiPicture? From(PictureView? picture, HttpContext http) => picture is null ? null : new(
        picture.Alt, picture.Credit, picture.Width, picture.Height,
        [.. from format in PictureSizes.Formats
            from width in PictureSizes.WidthsFor(picture.Width)
            select Rendition(http, picture.Hash, PictureSizes.PageName(width, format), width, PictureSizes.HeightFor(width, picture.Width, picture.Height), format, square: false),
         .. from format in PictureSizes.Formats
            from side in PictureSizes.SquareSides
            select Rendition(http, picture.Hash, PictureSizes.SquareName(side, format), side, side, format, square: true)]);

    private static ApiPictureRendition Rendition(HttpContext http, string hash, string name, int width, int height, string format, bool square) =>
        new(SiteAddress.Absolute(http, SitePaths.Picture(hash, name)), width, height, format == "webp" ? "image/webp" : "image/jpeg", square);
}

/// <summary>One encoded size of a picture; <see cref="Square"/> ones are the middle square that cards show.</summary>
public sealed record ApiPictureRendition(string Url, int Width, int Height, string Type, bool Square);

/// <summary>An entry in its article: its place (from 1) and the entry.</summary>
public sealed record ApiRankedEntry(int Rank, ApiEntrySummary Entry);

/// <summary>One group of an entry's related entries as its page shows it: what they share (<c>city</c>, <c>country</c> or <c>genre</c>), the page's heading and the entries.</summary>
public sealed record ApiRelatedGroup(string By, string Heading, IReadOnlyList<ApiEntrySummary> Entries)
{
    public static ApiRelatedGroup From(RelatedGroup group, HttpContext context) =>
        new(group.By, group.Heading, group.Entries.Select(card => ApiEntrySummary.From(card, context)).ToList());
}

/// <summary>
/// The search page's results, best first: <c>results</c> the entries among them (as since v1 began), <c>hits</c> every
/// result in the page's order (entries, artists, countries, kinds, articles), <c>didYouMean</c> the closest names when
/// nothing matches every word.
/// </summary>
public sealed record ApiSearchResults(string Query, int Total, IReadOnlyList<ApiEntrySummary> Results, IReadOnlyList<ApiSearchHit> Hits, IReadOnlyList<ApiSearchHit> DidYouMean);

/// <summary>
/// One search result: <c>type</c> is entry, artist, country, kind or article; <c>label</c> what the page calls it;
/// <c>snippet</c> the fact or sentence that matched, as text; <c>apiUrl</c> null for artists; <c>entry</c> the entry's
/// summary, null for other types.
/// </summary>
public sealed record ApiSearchHit(string Type, string Name, string Label, string Caption, string Snippet, string Url, string? ApiUrl, ApiEntrySummary? Entry);
