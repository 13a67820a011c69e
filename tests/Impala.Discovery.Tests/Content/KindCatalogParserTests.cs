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
    public void Parse_AnIntroStartingWithAPicture_IsRefused_RatherThanLosingThePicture()
    {
        var text = Managers.Replace("intro: People who look after artists.", "intro: ![A manager at work](images/a38.jpg) People who look after artists.", StringComparison.Ordinal);

        var result = KindCatalogParser.Parse("kinds.yml", text);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("as a tag", error.Message);
        Assert.Equal(text.Split('\n').ToList().FindIndex(line => line.TrimStart().StartsWith("intro:", StringComparison.Ordinal)) + 1, error.Line);
    }

    [Fact]
    public void Parse_Members_IsAKindsOwnSetting_OffUnlessDeclared()
    {
        var declared = KindCatalogParser.Parse("kinds.yml", Managers.Replace("    intro:", "    members: true\n    intro:", StringComparison.Ordinal));
        var absent = KindCatalogParser.Parse("kinds.yml", Managers);

        Assert.True(Assert.Single(declared.Value!.Kinds).Members);
        Assert.False(Assert.Single(absent.Value!.Kinds).Members);
        // The seed's members are its labels, venues and associations; a milestone has no member behind it.
        Assert.Equal(["labels", "venues", "associations"], FrozenContent.Kinds.Kinds.Where(kind => kind.Members).Select(kind => kind.Key));
    }

    [Theory]
    [InlineData("MusicGroup")]
    [InlineData("Person")]
    public void Parse_ArtistType_IsAKindsOwnSetting_UnsetUnlessDeclared(string type)
    {
        var declared = KindCatalogParser.Parse("kinds.yml", Managers.Replace("    intro:", $"    artist_type: {type}\n    intro:", StringComparison.Ordinal));
        var absent = KindCatalogParser.Parse("kinds.yml", Managers);

        Assert.Equal(type, Assert.Single(declared.Value!.Kinds).ArtistType);
        Assert.Null(Assert.Single(absent.Value!.Kinds).ArtistType);
    }

    [Fact]
    public void Parse_UnknownArtistType_NamesTheLineColumnAndTheValuesAccepted()
    {
        var text = Managers.Replace("    intro:", "    artist_type: Band\n    intro:", StringComparison.Ordinal);

        var result = KindCatalogParser.Parse("kinds.yml", text);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("'artist_type' of the kind 'managers' must be MusicGroup or Person, not 'Band'", error.Message);
        var line = text.Split('\n').ToList().FindIndex(row => row.Contains("artist_type", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.Line);
        Assert.Equal("    artist_type: ".Length + 1, error.Column);
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
    [InlineData("    intro:", "    members: yes\n    intro:", "'members' of the kind 'managers' must be true or false, not 'yes'", null)]
    [InlineData("    intro:", "    member: true\n    intro:", "Unknown key 'member'", "Did you mean 'members'?")]
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

    [Fact]
    public void Parse_UnclosedBracketFollowedByMoreLines_NamesTheBracketInsteadOfThrowing()
    {
        // YamlDotNet throws InvalidOperationException here, with neither what nor where.
        var result = KindCatalogParser.Parse("kinds.yml", Managers.Replace("{ key: Founded, type: year }", "{ key: Founded, type: year", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Contains("the '{' here is never closed with '}'", error.Message);
        // And nothing of .NET's own words for it, which tell an editor nothing (found by sweep 8 in removed.yml).
        Assert.DoesNotContain("InvalidOperationException", error.Message);
        Assert.EndsWith("if the '{' is part of the text.", error.Message);
        Assert.Equal((9, 9), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_YamlAliasBomb_IsRefusedAtTheFirstAnchor()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        var error = Assert.Single(KindCatalogParser.Parse("kinds.yml", bomb + Managers).Errors);

        Assert.Contains("'&a' is a YAML anchor", error.Message);
        Assert.Equal((1, 4), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_TabIndentation_IsReportedOnItsLine()
    {
        var error = Assert.Single(KindCatalogParser.Parse("kinds.yml", Managers.Replace("    plural:", "\tplural:", StringComparison.Ordinal)).Errors);

        Assert.Equal("Line 4 starts with a tab; YAML indents with spaces only. Write it as '    plural: Managers'.", error.Message);
    }

    [Fact]
    public void Parse_Nesting50000Deep_IsRefusedBeforeYamlReadsIt()
    {
        var deep = string.Join("\n", Enumerable.Repeat(new string('[', 5_000), 10));

        var error = Assert.Single(KindCatalogParser.Parse("kinds.yml", "kinds: " + deep).Errors);

        Assert.Contains("nested too deeply or too many", error.Message);
        Assert.Equal((1, 8 + 32), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_ScannerJargon_IsTranslatedAndKeptForDevelopers()
    {
        var error = Assert.Single(KindCatalogParser.Parse("kinds.yml", Managers.Replace("intro: People who look after artists.", "intro: Managers: people who look after artists.", StringComparison.Ordinal)).Errors);

        Assert.Contains("Put the whole value in double quotes", error.Message);
        Assert.Contains("(YAML library: While scanning a plain scalar value, found invalid mapping.)", error.Message);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndWindowsLineEndings_AreAccepted()
    {
        var result = KindCatalogParser.Parse("kinds.yml", "\uFEFF" + Managers.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }
}
