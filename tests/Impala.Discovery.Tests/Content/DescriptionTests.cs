using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>The one first-sentence rule every renderer reads (worked out at import from Markdig's plain text).</summary>
public sealed class DescriptionTests
{
    [Theory]
    [InlineData("Ninja Tune was founded in London in 1990 by Coldcut. It grew fast.", "Ninja Tune was founded in London in 1990 by Coldcut.")]
    [InlineData("Signed Mr. Scruff and J. Smith in c. 1994, and more besides. Then more.", "Signed Mr. Scruff and J. Smith in c. 1994, and more besides.")]
    [InlineData("The sign over the door said \u201cgo on, play it loud.\u201d Then it went.", "The sign over the door said \u201cgo on, play it loud.\u201d")]
    [InlineData("IMPALA wasted no time. It set up its first working groups within a month.", "IMPALA wasted no time. It set up its first working groups within a month.")]
    [InlineData("No full stop at all", "No full stop at all")]
    [InlineData("  Lines\nbroken   by the\nrenderer.  ", "Lines broken by the renderer.")]
    [InlineData("", null)]
    public void FirstSentence_EndsWhereASentenceEnds_AndAShortOneTakesTheNext(string text, string? sentence)
    {
        Assert.Equal(sentence, Description.FirstSentence(text));
    }

    [Fact]
    public void FirstSentence_LongerThan160Characters_IsCutAtAWord()
    {
        var description = Description.FirstSentence(string.Join(' ', Enumerable.Repeat("independent", 30)) + ".")!;

        Assert.True(description.Length <= Description.MaxLength, $"{description.Length} characters");
        Assert.EndsWith("independent\u2026", description);
    }

    [Fact]
    public void AnEntryWithoutProse_SaysWhatItIsAndWhereItAppears()
    {
        var description = Description.OfEntry("Loppen", "", "Venue", "Copenhagen, Denmark \u00b7 1973", 4, "Music venues");

        Assert.Equal("Loppen: venue, Copenhagen, Denmark \u00b7 1973. No. 4 of \u201cMusic venues\u201d, IMPALA's discovery series.", description);
    }
}
