using System.Globalization;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Features;

/// <summary>
/// Writes next month's content into a copy of a content folder the way an editor would: a new kind appended to
/// kinds.yml with an article of its own, or a new article of a kind already declared, its facts filled from that
/// kind's schema so that it stays valid whatever the schema becomes.
/// </summary>
public static class NextMonth
{
    /// <summary>A word no real entry uses, so a search for it finds exactly what these articles add.</summary>
    public const string SearchWord = "Quillwort";

    public const string CountryName = "Denmark";

    public const string CountrySlug = "denmark";

    public sealed record AddedArticle(string Kind, string ArticlePath, string EntryName, string EntryPath);

    public static AddedArticle AddFestivalsKind(string content, DateOnly published)
    {
        var kinds = ContentKinds.Load(content);
        var key = Enumerable.Range(0, 100).Select(n => n == 0 ? "festivals" : $"festivals-{n}").First(candidate => kinds.Find(candidate) is null);
        File.AppendAllText(Path.Combine(content, ContentFolder.KindsFileName), $$"""

              - key: {{key}}
                singular: Festival
                plural: Festivals
                colour: "#a16207"
                intro: Festivals where independent artists play every summer.
                facts:
                  - { key: Country, type: country, required: true }
                  - { key: City, type: text }
                  - { key: Founded, type: year, required: true }

            """);
        var name = $"{SearchWord} Festival";
        return Write(content, key, published, name, $"""
            - **Country:** {CountryName}
            - **City:** Aarhus
            - **Founded:** 2004
            """);
    }

    public static AddedArticle AddArticle(string content, KindDefinition kind, DateOnly published)
    {
        var facts = kind.Facts.Where(fact => fact.Required).Select(fact => $"- **{fact.Key}:** {ValidValue(fact.Type)}");
        return Write(content, kind.Key, published, $"{SearchWord} {kind.Singular}", string.Join("\n", facts));
    }

    private static AddedArticle Write(string content, string kind, DateOnly published, string entryName, string facts)
    {
        var slug = $"{SearchWord.ToLowerInvariant()}-{kind}";
        var date = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = Path.Combine(content, ContentFolder.ArticlesFolderName, $"{published:yyyy-MM}-{slug}.md");
        File.WriteAllText(file, $"""
            ---
            title: Next month's {kind}
            kind: {kind}
            published: {date}
            summary: An article added by a test, after the newest one.
            ---

            The series goes on.

            ## {entryName}

            {facts}

            Written a month after the newest article, to show that the site takes it without a developer.
            """);
        return new AddedArticle(kind, $"/series/{slug}", entryName, $"/{kind}/{Slug.From(entryName)}");
    }

    private static string ValidValue(FactType type) => type switch
    {
        FactType.Text => "Aarhus",
        FactType.List => "One, Two",
        FactType.Year => "2004",
        FactType.Years => "2004, 2005",
        FactType.Number => "300",
        FactType.Url => "https://example.org/",
        FactType.Country => CountryName,
        FactType.Countries => $"{CountryName}, Sweden",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A fact type this test does not know yet: give it a valid value here."),
    };
}
