using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// The placeholders the <c>new</c> command writes are marked <c>[[like this]]</c>, so that one left in the file is
/// refused instead of published ("Name of the first venue" went live once). Files written by earlier versions of the
/// command had no marks: their example texts are recognised by their words.
/// </summary>
public static partial class Placeholders
{
    public const string Open = "[[";
    public const string Close = "]]";

    /// <summary>A placeholder as <c>new</c> writes it.</summary>
    public static string Mark(string text) => Open + text + Close;

    // The example texts of the skeleton before it marked them: its intro, its heading, its help line and the bare '…'
    // it gave text facts.
    private static readonly string[] FormerExamples =
    [
        "An introduction in a few paragraphs, up to the first entry.",
        "delete the facts you do not use",
    ];

    /// <summary>An error for each placeholder left in <paramref name="lines"/> (the file's lines, front matter included).</summary>
    public static IEnumerable<ContentError> Find(string file, IReadOnlyList<string> lines)
    {
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var marked = Marked().Match(line);
            if (marked.Success)
            {
                yield return new(file, index + 1, marked.Index + 1,
                    $"Line {index + 1} still holds the placeholder '{marked.Value}' that the new command wrote. Write the real text "
                    + "in its place (without '[[' and ']]'), or delete it.");
                continue;
            }

            var exampleLine = FormerExampleLine().Match(line);
            var former = FormerExamples.FirstOrDefault(example => line.Contains(example, StringComparison.Ordinal))
                ?? (exampleLine.Success ? exampleLine.Groups["text"].Value : null);
            if (former is not null)
            {
                yield return new(file, index + 1, Math.Max(1, line.IndexOf(former, StringComparison.Ordinal) + 1),
                    $"Line {index + 1} still holds the example text '{former}' that the new command wrote. Replace it with "
                    + "the article's own words, or delete it.");
            }
        }
    }

    [GeneratedRegex(@"\[\[[^\]\n]+\]\]")]
    private static partial Regex Marked();

    [GeneratedRegex(@"^##\s+(?<text>Name of the first \w+)\s*$|^- \*\*[^*]+:\*\*\s*(?<text>…)\s*$")]
    private static partial Regex FormerExampleLine();
}
