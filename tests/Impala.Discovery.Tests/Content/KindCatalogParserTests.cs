using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

public sealed class KindCatalogParserTests
{
    private const string Managers = KindsText.OnlyManagers;

    [Fact]
    public void Parse_NewKindDeclaredAsData_IsUnderstood()
    {
        var result = KindCatalogParser.Parse("kinds.yml", Managers);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var kind = Assert.Single(result.Value!.Kinds);
        Assert.Equal("managers", kind.Key);
        Assert.True(kind.HasCountry);
        Assert.Equal("Founded", kind.YearFact!.Key);
        Assert.Equal(FactType.List, kind.FindFact("artists")!.Type);
        Assert.True(kind.FindFact("Country")!.Required);
    }

    [Fact]
    public void Parse_FrozenContentKinds_DeclareTheFourKindsOfTheSeed()
    {
        Assert.Equal(["labels", "venues", "associations", "milestones"], FrozenContent.Kinds.Kinds.Select(kind => kind.Key));
    }

    [Theory]
    [InlineData("type: country,", "type: contry,", "Unknown type 'contry'", "Did you mean 'country'?")]
    [InlineData("key: managers", "key: series", "'series' is a page of the site already", null)]
    [InlineData("key: managers", "key: Managers!", "needs a 'key' in lower case", null)]
    [InlineData("colour: \"#0369a1\"", "colour: \"red; background: url(x)\"", "is not a hex colour", null)]
    [InlineData("required: true }", "required: yes please }", "must be true or false", null)]
    [InlineData("{ key: Artists, type: list }", "{ key: Slug, type: text }", "available on every kind already", null)]
    [InlineData("    intro:", "    intrro:", "Unknown key 'intrro'", "Did you mean 'intro'?")]
    public void Parse_Mistake_IsReportedWithItsFix(string find, string replace, string expected, string? suggestion)
    {
        var result = KindCatalogParser.Parse("kinds.yml", Managers.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains(expected, error.Message);
        if (suggestion is not null)
        {
            Assert.Contains(suggestion, error.Message);
        }

        Assert.Equal("kinds.yml", error.File);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Parse_DuplicateKind_IsAnError()
    {
        var twice = Managers + "\n" + string.Join("\n", Managers.Split('\n').Skip(1));

        var result = KindCatalogParser.Parse("kinds.yml", twice);

        Assert.Contains(result.Errors, error => error.Message.Contains("declared twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_PointsAtTheLine()
    {
        var result = KindCatalogParser.Parse("kinds.yml", "kinds:\n  - key: [unclosed\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("not valid YAML", error.Message);
    }
}
