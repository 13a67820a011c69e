using Impala.Discovery.Web.Features.Cards;
using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// Names on cards and badges are shaped, as a browser sets them: kerned pairs close up, a combining mark sits on its
/// letter without taking room, and a character the first font lacks still comes from the next font in the chain.
/// </summary>
public sealed class ShapingTests
{
    private const float Size = 100;

    [Theory]
    [InlineData("AV")]
    [InlineData("To")]
    [InlineData("Wa")]
    public void AKernedPair_IsNarrowerThanItsLettersSetApart(string pair)
    {
        var shaped = CardFonts.Display.Measure(pair, Size);
        var apart = CardFonts.Display.Measure(pair[..1], Size) + CardFonts.Display.Measure(pair[1..], Size);

        Assert.True(shaped < apart - 1, $"\u201c{pair}\u201d is {shaped:0.0} wide, its letters {apart:0.0}: not kerned");
    }

    [Theory]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("Zu\u0308rich", "Zürich")]
    [InlineData("Ar\u030Ahus", "Arhus")]
    public void ACombiningMark_AddsNoWidth(string decomposed, string sameWidthAs)
    {
        Assert.Equal(CardFonts.Display.Measure(sameWidthAs, Size), CardFonts.Display.Measure(decomposed, Size), 0.01);
        Assert.Equal(CardFonts.Text.Measure(sameWidthAs, Size), CardFonts.Text.Measure(decomposed, Size), 0.01);
    }

    [Fact]
    public void ACombiningMark_IsDrawnAboveItsLetter()
    {
        using var bare = CardFonts.Display.Shape("q", Size).Path;
        using var marked = CardFonts.Display.Shape("q\u0303", Size).Path;

        // The tilde has no precomposed "q̃": it is placed over the q, within the q's width, not beside it.
        Assert.True(marked.TightBounds.Top < bare.TightBounds.Top - 5, "the tilde is not above the letter");
        Assert.True(marked.TightBounds.Right <= bare.TightBounds.Right + 5, "the tilde stands beside the letter");
    }

    [Fact]
    public void ALigature_IsOneGlyphNarrowerThanItsLetters()
    {
        var ligature = CardFonts.Display.Measure("fi", Size);
        var apart = CardFonts.Display.Measure("f", Size) + CardFonts.Display.Measure("i", Size);

        Assert.True(ligature < apart, $"\u201cfi\u201d is {ligature:0.0} wide, its letters {apart:0.0}");
    }

    [Theory]
    [InlineData("Ελληνική Δισκογραφία")]
    [InlineData("Союз Мьюзик")]
    [InlineData("הד ארצי")]
    public void ANameNeedingAFallbackFont_IsSetWithItsGlyphs(string name)
    {
        var line = CardFonts.Display.Shape(name, Size);
        using var outline = line.Path;

        // Each letter takes room and is drawn: no empty boxes of zero width, no missing glyphs.
        var letters = name.Count(char.IsLetter);
        Assert.True(line.Width > letters * Size * 0.3f, $"\u201c{name}\u201d is only {line.Width:0.0} wide");
        Assert.Equal(line.Width, CardFonts.Display.Measure(name, Size), 0.01);
        Assert.True(outline.TightBounds.Width > line.Width * 0.9f, "the outline does not fill the line's width");
    }

    [Fact]
    public void AMixedLine_IsAsWideAsItsScriptsSetAlone()
    {
        var mixed = CardFonts.Text.Measure("Label \u05d4\u05d3 1990", Size);
        var parts = CardFonts.Text.Measure("Label ", Size) + CardFonts.Text.Measure("\u05d4\u05d3", Size) + CardFonts.Text.Measure(" 1990", Size);

        Assert.Equal(parts, mixed, 0.5);
    }

    [Fact]
    public void Tracking_OpensTheSpaceBetweenLettersOnly()
    {
        var plain = CardFonts.Text.Measure("LABEL", Size);
        var tracked = CardFonts.Text.Measure("LABEL", Size, tracking: 10);

        Assert.Equal(plain + 4 * 10, tracked, 0.01);
        Assert.Equal(CardFonts.Text.Measure("CAFÉ", Size, 10), CardFonts.Text.Measure("CAFE\u0301", Size, 10), 0.01);
    }

    [Fact]
    public void ShapedOutlines_AreTheSameEachTime()
    {
        using var first = CardFonts.Display.Shape("Ninja Tune", Size).Path;
        using var second = CardFonts.Display.Shape("Ninja Tune", Size).Path;

        Assert.Equal(first.ToSvgPathData(), second.ToSvgPathData());
        Assert.NotEqual(SKRect.Empty, first.TightBounds);
    }
}
