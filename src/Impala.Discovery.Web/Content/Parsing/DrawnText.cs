namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Text the site draws on cards, sleeves and badges (names, titles, summaries, the facts of a caption) breaks into
/// lines at spaces only; a word wider than the card is cut a character at a time, which costs time in the square of
/// its length (one word of 2,000 characters in a caption took 1.5 CPU-seconds). So such text has no word longer
/// than <see cref="ParserLimits.MaxWordLength"/>: the check says so, and every card stays cheap.
/// </summary>
public static class DrawnText
{
    /// <summary>Why <paramref name="text"/> cannot be drawn (it has a word that is too long), or null.</summary>
    /// <param name="text">The text as it will be drawn.</param>
    /// <param name="what">What it is, as the message names it: "the name", "'City'".</param>
    public static string? WordError(string text, string what)
    {
        var word = text.Split(' ').FirstOrDefault(word => word.Length > ParserLimits.MaxWordLength);
        return word is null
            ? null
            : $"'{word[..24]}…' in {what} is one word of {ParserLimits.Number(word.Length)} characters without a space; the site draws "
                + $"words of at most {ParserLimits.Number(ParserLimits.MaxWordLength)} characters on cards, whose lines break only at spaces. "
                + "Add the missing spaces, or shorten it.";
    }
}
