using System.Buffers;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Finds the invisible controls that set the direction of the text after them: embeddings and overrides (U+202A–U+202E)
/// and isolates (U+2066–U+2069). One of them in a name turns "Ninja Tune" into "enuT ajniN" on the screen while the
/// stored text stays as written, and it reaches every place the name is shown: a page's heading, the browser tab, a
/// link preview, the JSON-LD others read, a search result. These places cannot all isolate it (a title or JSON-LD
/// is plain text), so the check refuses it wherever it is, naming line and column.
/// </summary>
/// <remarks>
/// The direction marks (U+200E, U+200F, U+061C) are let through: each acts on the one position where it stands, as a
/// strong letter would, so it cannot reverse the text around it, and right-to-left writing uses them.
/// </remarks>
public static class BidiControls
{
    private static readonly SearchValues<char> Controls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>An error for each line of <paramref name="lines"/> that holds a direction control, at the first one.</summary>
    /// <param name="file">The file the lines are from.</param>
    /// <param name="lines">The file's lines, the first being line 1.</param>
    public static List<ContentError> Find(string file, IReadOnlyList<string> lines)
    {
        var errors = new List<ContentError>();
        for (var index = 0; index < lines.Count; index++)
        {
            var column = lines[index].AsSpan().IndexOfAny(Controls);
            if (column >= 0)
            {
                var control = lines[index][column];
                errors.Add(new(file, index + 1, column + 1,
                    $"Line {index + 1} has an invisible direction control, {Describe(control)}, at column {column + 1}. {Why} "
                    + $"Delete it: retype the text around column {column + 1}, or paste it again as plain text. "
                    + "Right-to-left names show the right way round without it."));
            }
        }

        return errors;
    }

    /// <summary>The first direction control in a value as read (a YAML escape such as \u202E becomes one), or null.</summary>
    public static char? FirstIn(string value) => value.AsSpan().IndexOfAny(Controls) is var index and >= 0 ? value[index] : null;

    /// <summary>What a control is called and its code point, as the messages say it: "right-to-left override (U+202E)".</summary>
    public static string Describe(char control) => $"{Name(control)} (U+{(int)control:X4})";

    /// <summary>Why the check refuses a control, for every message about one.</summary>
    public const string Why = "It turns round or sets apart the text around it wherever the text is shown (a page's heading, a browser tab, "
        + "a link preview), so the site does not take it.";

    private static string Name(char control) => control switch
    {
        '\u202A' => "left-to-right embedding",
        '\u202B' => "right-to-left embedding",
        '\u202C' => "pop directional formatting",
        '\u202D' => "left-to-right override",
        '\u202E' => "right-to-left override",
        '\u2066' => "left-to-right isolate",
        '\u2067' => "right-to-left isolate",
        '\u2068' => "first strong isolate",
        _ => "pop directional isolate",
    };
}
