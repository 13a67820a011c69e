using System.Text;
using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Checks a YAML text against <see cref="ParserLimits"/> before YamlDotNet sees it. YamlDotNet recurses on nested
/// brackets and indentation (50,000 '[' overflow the stack, which no catch can stop) and expands aliases (a few
/// lines of anchors can stand for billions of nodes), so such text is refused here, with the line to fix.
/// Also reports tabs used for indentation, which YAML reads in ways editors do not expect.
/// </summary>
public static partial class YamlBounds
{
    private static readonly string TooDeep =
        $"Brackets '[' and '{{' are nested too deeply or too many here (the site reads {ParserLimits.Number(ParserLimits.MaxYamlNesting)} levels "
        + $"and {ParserLimits.Number(ParserLimits.MaxYamlBrackets)} brackets in all). Write a list with one pair of brackets, such as "
        + "'[first, second]', or put a value with brackets in double quotes.";

    /// <summary>Errors for the YAML text, empty when YamlDotNet may read it. <paramref name="firstLine"/> is its first line in the file.</summary>
    public static List<ContentError> Check(string file, int firstLine, string yaml, int maxBytes, string what)
    {
        var errors = new List<ContentError>();
        var bytes = Encoding.UTF8.GetByteCount(yaml);
        if (bytes > maxBytes)
        {
            errors.Add(new(file, firstLine, 1,
                $"{what} is {ParserLimits.Number(bytes)} bytes long; the site reads at most {ParserLimits.Number(maxBytes)}. Keep to the keys it needs and short values."));
            return errors;
        }

        var lines = yaml.Split('\n');
        var brackets = 0;
        var flowDepth = 0;
        var indents = new Stack<int>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var lineNumber = firstLine + index;
            if (line.StartsWith('\t') || (line.TrimStart(' ').StartsWith('\t') && line.Trim().Length > 0))
            {
                errors.Add(new(file, lineNumber, 1, TabAdvice(lineNumber, line, lines.Take(index))));
                continue;
            }

            if (BlockNesting(line, indents) > ParserLimits.MaxYamlNesting)
            {
                errors.Add(new(file, lineNumber, 1,
                    $"Line {lineNumber} is nested more than {ParserLimits.Number(ParserLimits.MaxYamlNesting)} levels deep (by indentation or '- '). "
                    + "Write one 'key: value' per line, starting at the beginning of the line."));
                return errors;
            }

            if (CheckLine(file, lineNumber, line, ref brackets, ref flowDepth, errors) is false)
            {
                return errors;
            }
        }

        return errors;
    }

    /// <summary>
    /// What to write instead of a line that starts with a tab: YAML takes no tab for indentation, and how far the line
    /// should be indented follows from the line above (the margin under 'key: value', one step in under 'key:' or a
    /// '- ' item). A front-matter line belongs at the margin, where "indent with spaces" would break it again.
    /// </summary>
    private static string TabAdvice(int lineNumber, string line, IEnumerable<string> before)
    {
        var text = line.TrimStart(' ', '\t');
        var above = before.LastOrDefault(previous => previous.Trim().Length > 0 && !previous.TrimStart().StartsWith('#'));
        var aboveIndent = above is null ? 0 : above.Length - above.TrimStart(' ').Length;
        var aboveText = above?.Trim() ?? "";
        // A line that is no key and no item goes on with the value above it, which YAML reads when it is indented further.
        var isKeyOrItem = text.StartsWith("- ", StringComparison.Ordinal) || KeyLine().IsMatch(text);
        var indent = aboveText.EndsWith(':') || !isKeyOrItem || (aboveText.StartsWith("- ", StringComparison.Ordinal) && !text.StartsWith("- ", StringComparison.Ordinal))
            ? aboveIndent + 2
            : aboveIndent;
        return indent == 0
            ? $"Line {lineNumber} starts with a tab, which YAML does not accept; this line belongs at the beginning of the line, like "
                + $"the one above it. Write it as '{text}'."
            : $"Line {lineNumber} starts with a tab; YAML indents with spaces only. Write it as '{new string(' ', indent)}{text}'.";
    }

    /// <summary>
    /// The outermost '[' or '{' that no ']' or '}' closes (quoted ones are text), as (line, column) in the file;
    /// YamlDotNet reports such text with an exception that says neither what nor where.
    /// </summary>
    public static (int Line, int Column, char Bracket)? UnclosedBracket(int firstLine, string yaml)
    {
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var lines = yaml.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            for (var column = 0; column < line.Length; column++)
            {
                var character = line[column];
                if (character is '"' or '\'' && StartsAValue(line, column) && ClosingQuote(line, column) is var closing and > 0)
                {
                    column = closing;
                }
                else if (character == '#' && (column == 0 || line[column - 1] is ' ' or '\t'))
                {
                    break;
                }
                else if (character is '[' or '{')
                {
                    open.Push((firstLine + index, column + 1, character));
                }
                else if (character is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }
        }

        return open.Count > 0 ? open.Last() : null;
    }

    /// <summary>
    /// An upper bound of the block nesting of a line: the indentation levels open above it (like Python's
    /// tokenizer, a deeper indent opens one, a shallower one closes those deeper), plus the '- ' and '? ' on it.
    /// </summary>
    private static int BlockNesting(string line, Stack<int> indents)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
        {
            return indents.Count;
        }

        while (indents.Count > 0 && indents.Peek() >= indent)
        {
            indents.Pop();
        }

        indents.Push(indent);
        var markers = 0;
        for (var index = indent; index + 1 < line.Length && line[index] is '-' or '?' && line[index + 1] == ' ';)
        {
            markers++;
            index += 2;
            while (index < line.Length && line[index] == ' ')
            {
                index++;
            }
        }

        return indents.Count + markers;
    }

    // Flow nesting (which may go on over several lines), anchors and aliases on one line; false once the text is refused.
    // Every bracket counts towards the total, quoted or not: whatever this check misreads, YamlDotNet never sees
    // more than that many levels.
    private static bool CheckLine(string file, int lineNumber, string line, ref int brackets, ref int depth, List<ContentError> errors)
    {
        for (var column = 0; column < line.Length; column++)
        {
            var character = line[column];
            if (character is '"' or '\'' && StartsAValue(line, column) && ClosingQuote(line, column) is var closing and > 0)
            {
                // A quoted value closed on the same line: its brackets are text. (A quote left open is not trusted
                // to hide the lines after it, so their brackets still count.)
                column = closing;
                continue;
            }

            if (character == '#' && (column == 0 || line[column - 1] is ' ' or '\t'))
            {
                break;
            }

            if (character is '[' or '{')
            {
                depth++;
                if (depth > ParserLimits.MaxYamlNesting)
                {
                    errors.Add(new(file, lineNumber, column + 1, TooDeep));
                    return false;
                }
            }
            else if (character is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (character is '&' or '*' && StartsAValue(line, column) && column + 1 < line.Length && line[column + 1] is not (' ' or '\t'))
            {
                var name = new string(line[column..].TakeWhile(c => c is not (' ' or '\t' or ',' or ']' or '}')).ToArray());
                errors.Add(new(file, lineNumber, column + 1,
                    $"'{name}' is a YAML {(character == '&' ? "anchor" : "alias")}, which the site does not read (one alias can "
                    + "stand for millions of values). Write the value out in full; if it starts with '&' or '*', put it in double quotes."));
                return false;
            }
        }

        for (var column = 0; column < line.Length; column++)
        {
            if (line[column] is '[' or '{' && ++brackets > ParserLimits.MaxYamlBrackets)
            {
                errors.Add(new(file, lineNumber, column + 1, TooDeep));
                return false;
            }
        }

        return true;
    }

    // Where YAML may start a value: the start of the line or after an indicator (': ', '- ', '? ', '[', '{', ',').
    private static bool StartsAValue(string line, int column)
    {
        var before = column - 1;
        while (before >= 0 && line[before] is ' ' or '\t')
        {
            before--;
        }

        var spaced = before < column - 1;
        return before < 0
            || line[before] is '[' or '{' or ','
            || (spaced && line[before] is ':' or '-' or '?');
    }

    // The column of the quote that closes the one at start on the same line, or 0.
    private static int ClosingQuote(string line, int start)
    {
        var quote = line[start];
        for (var index = start + 1; index < line.Length; index++)
        {
            if (quote == '"' && line[index] == '\\')
            {
                index++;
            }
            else if (line[index] == quote)
            {
                if (quote == '\'' && index + 1 < line.Length && line[index + 1] == '\'')
                {
                    index++;
                    continue;
                }

                return index;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^[\p{L}_][\w ]*:(\s|$)")]
    private static partial Regex KeyLine();
}
