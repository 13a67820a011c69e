using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Content;

/// <summary>What the store's rows hold of a parsed article: everything pages read, worked out once, here, at import.</summary>
public static class ContentEntities
{
    public static Article Article(ParsedArticle parsed, KindDefinition kind, string fingerprint) => new()
    {
        SourceFile = parsed.File,
        ContentHash = fingerprint,
        Slug = parsed.Slug,
        Title = parsed.Title,
        KindKey = parsed.Kind,
        Published = parsed.Published,
        Summary = parsed.Summary,
        IntroHtml = parsed.IntroHtml,
        Aliases = parsed.Aliases.ToList(),
        LinkPaths = parsed.LinkPaths.ToList(),
        Entries = parsed.Entries.Select(entry => Entry(entry, kind, parsed.Title)).ToList(),
    };

    public static Picture? Picture(PictureReference? reference, IReadOnlyDictionary<string, CheckedPicture> pictures)
    {
        if (reference is null)
        {
            return null;
        }

        var picture = pictures[reference.File];
        return new Picture { Hash = picture.Hash, Width = picture.Width, Height = picture.Height, Alt = reference.Alt, Credit = reference.Credit };
    }

    private static Entry Entry(ParsedEntry entry, KindDefinition kind, string articleTitle)
    {
        var yearValue = entry.Facts.FirstOrDefault(fact => fact.Definition == kind.YearFact)?.Values[0];
        var caption = FactText.Caption(kind, entry.Facts);
        var captionText = FactText.Text(caption);
        return new Entry
        {
            KindKey = kind.Key,
            Slug = entry.Slug,
            Name = entry.Name,
            SortKey = NameOrder.KeyOf(entry.Name),
            Rank = entry.Rank,
            BodyHtml = entry.BodyHtml,
            Year = yearValue is null ? null : FactValueParser.ReadYear(yearValue),
            YearLabel = yearValue,
            Caption = captionText,
            CaptionParts = caption.ToList(),
            Description = Description.OfEntry(entry.Name, entry.BodyText, kind.Singular, captionText, entry.Rank, articleTitle),
            Facts = entry.Facts.Select((fact, position) => new EntryFact
            {
                Position = position,
                Key = fact.Definition.Key,
                Type = fact.Definition.Type,
                Values = fact.Values.ToList(),
                Numbers = FactValueParser.Numbers(fact.Definition.Type, fact.Values),
                Approximate = FactValueParser.IsApproximate(fact.Definition.Type, fact.Values),
                InCaption = FactText.CaptionSaysAll(kind, fact),
            }).ToList(),
            Countries = entry.Countries
                .Select((country, position) => new EntryCountry { CountrySlug = country.Slug, CountryName = country.Name, Position = position })
                .ToList(),
            FactValues = entry.Facts
                .Where(fact => EntryFactValue.Keys.Contains(fact.Definition.Key))
                .SelectMany(fact => fact.Values.Select(value => (fact.Definition.Key, Value: value)))
                .Distinct()
                .Select(value => new EntryFactValue { Key = value.Key, Value = value.Value, Slug = Slug.From(value.Value) })
                .ToList(),
            Artists = entry.Facts
                .Where(fact => fact.Definition.Type is FactType.Artists)
                .SelectMany(fact => fact.Values)
                .Select(name => (Name: name, Slug: Slug.From(name)))
                .Where(artist => artist.Slug.Length > 0)
                .DistinctBy(artist => artist.Slug)
                .Select((artist, position) => new EntryArtist { ArtistSlug = artist.Slug, ArtistName = artist.Name, Position = position })
                .ToList(),
            Aliases = entry.Aliases.Distinct().Select(alias => new EntryAlias { KindKey = kind.Key, Slug = alias }).ToList(),
            Links = entry.LinkedPaths.Select(path => new EntryLink { TargetPath = path }).ToList(),
        };
    }
}
