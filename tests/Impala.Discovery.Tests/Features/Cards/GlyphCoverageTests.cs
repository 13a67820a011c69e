using System.Text.RegularExpressions;
using Impala.Discovery.Web.Features.Cards;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// The card fonts ship with the app, so a name the series prints must not come out as empty boxes: every entry name of
/// the frozen fixture, and names in the scripts the series may meet next (Greek, Cyrillic, Hebrew), have a glyph for
/// every character in the fonts the cards set them in.
/// </summary>
public sealed partial class GlyphCoverageTests
{
    public static TheoryData<string> FixtureNames()
    {
        var names = new TheoryData<string>();
        foreach (var file in FrozenContent.ArticleFileNames)
        {
            foreach (Match heading in Heading().Matches(FrozenContent.ArticleText(file)))
            {
                names.Add(heading.Groups[1].Value.Trim());
            }
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void EveryFixtureName_HasAGlyphForEachCharacter(string name)
    {
        Assert.True(CardFonts.Display.Covers(name), $"Source Serif 4 lacks a glyph of \u201c{name}\u201d");
        Assert.True(CardFonts.Text.Covers(name), $"Inter lacks a glyph of \u201c{name}\u201d");
    }

    /// <summary>Names of founders, artists and cities carry the rarer accents (ń, ő, ç): every character of the articles is covered.</summary>
    [Fact]
    public void EveryCharacterOfTheFixtureArticles_HasAGlyph()
    {
        foreach (var file in FrozenContent.ArticleFileNames)
        {
            var text = FrozenContent.ArticleText(file);

            Assert.True(CardFonts.Display.Covers(text), $"Source Serif 4 lacks a character of {file}");
            Assert.True(CardFonts.Text.Covers(text), $"Inter lacks a character of {file}");
        }
    }

    [Theory]
    [InlineData("Ελληνική Δισκογραφία")]
    [InlineData("Союз Мьюзик")]
    [InlineData("Ґрунт Рекордс")]
    [InlineData("הד ארצי")]
    [InlineData("Łódź Świętokrzyska Ősz Ærø Ðurđevac")]
    public void OtherScriptsOfEurope_HaveAGlyphForEachCharacter(string name)
    {
        Assert.True(CardFonts.Display.Covers(name));
        Assert.True(CardFonts.Text.Covers(name));
    }

    [Fact]
    public void HebrewRuns_AreSetRightToLeft()
    {
        Assert.Equal([new TextRun("הד ארצי", RightToLeft: true)], TypefaceChain.DirectionRuns("הד ארצי"));
        Assert.Equal(
            [new TextRun("Label ", RightToLeft: false), new TextRun("הד ארצי", RightToLeft: true), new TextRun(" 1990", RightToLeft: false)],
            TypefaceChain.DirectionRuns("Label הד ארצי 1990"));
    }

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
