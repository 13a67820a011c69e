using System.Net;
using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Features.Entries;

/// <summary>The opening sentence of an entry's prose, short enough for one line of a timeline.</summary>
public static partial class ProseSummary
{
    public const int MaxLength = 160;

    // Shorter than this, a first sentence ("IMPALA wasted no time.") says too little on its own.
    private const int MinLength = 40;

    /// <summary>
    /// Plain text of the prose, then sentences up to <see cref="MinLength"/>, cut at a word past <see cref="MaxLength"/>.
    /// The HTML is the site's own Markdig output (raw HTML disabled), where every '&lt;' of the text is escaped, so
    /// dropping the tags leaves exactly the text; the result is text that the view escapes again.
    /// </summary>
    public static string FirstSentence(string bodyHtml)
    {
        var text = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(bodyHtml, " ")), " ").Trim();
        var end = text.Length;
        foreach (Match boundary in SentenceEnd().Matches(text))
        {
            if (boundary.Index + 1 >= MinLength)
            {
                end = boundary.Index + 1;
                break;
            }
        }

        var sentence = text[..end];
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut > 0 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ') + "\u2026";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A full stop, question or exclamation mark before a space and a capital, unless it ends a short abbreviation
    // ("Mr. Scruff", "c. 2000" has no capital anyway).
    [GeneratedRegex(@"(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr))[.!?](?=\s+[\p{Lu}""\u201C])")]
    private static partial Regex SentenceEnd();
}
