using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>A name that passes for another entry (mixed alphabets in a word, invisible characters) is refused at its heading.</summary>
public sealed class LookalikeNamesTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    private static string Named(string name) => ArticleText.With(ArticleText.NinjaTune.Replace("## Ninja Tune", "## " + name, StringComparison.Ordinal));

    [Theory]
    [InlineData("Ninj\u0430 Tune", "mixes Latin and Cyrillic letters in the word 'Ninj\u0430'")]
    [InlineData("\u039D\u0399\u039DJ\u0391 TUNE", "mixes Greek and Latin letters in the word")]
    [InlineData("Nin\u200Bja Tune", "holds an invisible character (U+200B) at position 4")]
    [InlineData("Ninja\u00ADTune", "holds an invisible character (U+00AD)")]
    [InlineData("Nin\u200Dja Tune", "holds an invisible character (U+200D) at position 4")]
    [InlineData("Nin\u200Cja Tune", "holds an invisible character (U+200C) at position 4")]
    [InlineData("\uFB01ne Records", "holds the ligature '\uFB01' at position 1")]
    public void Parse_LookalikeName_IsRefusedAtItsHeading(string name, string problem)
    {
        var result = _parser.Parse(ArticleText.FileName, Named(name));

        var error = Assert.Single(result.Errors);
        Assert.Equal(10, error.Line);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("Ninja Tune")]
    [InlineData("Ελληνικά Records")]
    [InlineData("Союз Records")]
    [InlineData("Björk & Ásgeir Trúbadúr")]
    [InlineData("Łódź Kaliska")]
    [InlineData("👩‍🎤 Records")]
    [InlineData("मेरा\u200Dसंगीत Records")]
    public void Parse_NameInOneAlphabetPerWord_IsTaken(string name)
    {
        var result = _parser.Parse(ArticleText.FileName, Named(name));

        Assert.Empty(result.Errors);
    }
}
