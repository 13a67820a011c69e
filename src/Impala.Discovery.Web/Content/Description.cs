using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The one rule for what a page says of itself in a line (meta description, link previews, JSON-LD, timelines): the
/// opening sentence of its prose, from Markdig's plain text, worked out once at import.
/// </summary>
public static partial class Description
{
    /// <summary>Longest description search engines and link previews show whole.</summary>
    public const int MaxLength = 160;

    // Shorter than this, a first sentence ("IMPALA wasted no time.") says too little on its own: the next one joins it.
    private const int MinLength = 40;

    /// <summary>
    /// The first sentence of <paramref name="plainText"/> (with the next ones while it is shorter than 40 characters),
    /// cut at a word with an ellipsis when longer than <see cref="MaxLength"/>; null when there is no text.
    /// </summary>
    public static string? FirstSentence(string plainText)
    {
        var text = Whitespace().Replace(plainText, " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var end = SentenceEnd().Matches(text).FirstOrDefault(match => match.Index + 1 >= MinLength && !IsAbbreviation(text, match.Index));
        var stop = end is null ? text.Length : end.Index + 1;
        if (stop < text.Length && text[stop] is '\u201d' or '\u2019' or '"' or '\'' or ')')
        {
            stop++;
        }

        var sentence = text[..stop];
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut > 0 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ', '\u2013', '\u2014') + "\u2026";
    }

    /// <summary>An entry's description: its first sentence, or for an entry without prose what it is and where it appears.</summary>
    public static string OfEntry(string name, string bodyText, string kindSingular, string caption, int rank, string articleTitle) =>
        FirstSentence(bodyText)
        ?? $"{name}: {kindSingular.ToLowerInvariant()}{(caption.Length > 0 ? $", {caption}" : "")}. No. {rank} of \u201c{articleTitle}\u201d, IMPALA's discovery series.";

    /// <summary>"Mr. Scruff", "c. 2000", "No. 1", "Jr." and initials ("J. Smith") do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int period)
    {
        var start = text.LastIndexOf(' ', Math.Max(0, period - 1)) + 1;
        var word = text[start..period];
        return word.Length == 1 || word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "No" or "Jr" or "Sr" or "c" or "ca" or "vs" or "e.g" or "i.e" or "Ltd" or "Inc";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A full stop, question or exclamation mark (closing quotes allowed) followed by a space and a capital or digit.</summary>
    [GeneratedRegex(@"[.!?](?=[\u201d\u2019""')]?\s+[\p{Lu}\d\u201c""])")]
    private static partial Regex SentenceEnd();
}
