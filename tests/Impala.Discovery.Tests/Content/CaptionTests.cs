using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>What a card shows under an entry's name is declared per kind in kinds.yml, not hard-coded.</summary>
public sealed class CaptionTests
{
    [Fact]
    public void Caption_DeclaredFacts_ShowPlaceThenTheRestInTheirOrder()
    {
        var kind = Kind("caption: City, Country, Capacity, Founded");

        var caption = FactText.Text(FactText.Caption(kind, Facts(kind, "- **Country:** Netherlands\n- **City:** Amsterdam\n- **Founded:** 1968\n- **Capacity:** 1500")));

        Assert.Equal("Amsterdam, Netherlands \u00b7 1,500 \u00b7 1968", caption);
    }

    [Fact]
    public void Caption_NotDeclared_ShowsCountriesAndYear()
    {
        var kind = Kind("");

        var caption = FactText.Text(FactText.Caption(kind, Facts(kind, "- **Country:** Denmark\n- **City:** Aarhus\n- **Founded:** 1994")));

        Assert.Equal("Denmark \u00b7 1994", caption);
    }

    [Fact]
    public void Caption_FactTheEntryDoesNotHave_IsLeftOut()
    {
        var kind = Kind("caption: City, Country, Founded");

        Assert.Equal("Denmark \u00b7 1994", FactText.Text(FactText.Caption(kind, Facts(kind, "- **Country:** Denmark\n- **Founded:** 1994"))));
    }

    [Fact]
    public void Parse_CaptionNamingAnUnknownFact_SuggestsTheNearestOne()
    {
        var result = KindCatalogParser.Parse("kinds.yml", KindsYaml("caption: Cty, Country"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("names 'Cty', which is not one of its facts", error.Message);
        Assert.Contains("Did you mean 'City'?", error.Message);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Parse_CaptionAsAYamlList_IsUnderstood()
    {
        var kind = Assert.Single(KindCatalogParser.Parse("kinds.yml", KindsYaml("caption: [City, Founded]")).Value!.Kinds);

        Assert.Equal(["City", "Founded"], kind.Caption.Select(fact => fact.Key));
    }

    private static KindDefinition Kind(string captionLine)
    {
        var result = KindCatalogParser.Parse("kinds.yml", KindsYaml(captionLine));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!.Kinds[0];
    }

    private static IReadOnlyList<ParsedFact> Facts(KindDefinition kind, string factLines)
    {
        var catalog = new KindCatalog([kind]);
        var text = $"---\ntitle: T\nkind: venues\npublished: 2021-01-01\nsummary: S.\n---\n\n## Paradiso\n\n{factLines}\n";
        var result = new ArticleParser(catalog).Parse("articles/2021-01-test.md", text);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Value!.Entries[0].Facts;
    }

    private static string KindsYaml(string captionLine) => $"""
        kinds:
          - key: venues
            singular: Venue
            plural: Venues
            intro: Stages.
            {captionLine}
            facts:
              - {"{"} key: Country, type: country, required: true {"}"}
              - {"{"} key: City, type: text {"}"}
              - {"{"} key: Founded, type: year {"}"}
              - {"{"} key: Capacity, type: number {"}"}
        """;
}
