namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Checks the lines of a Markdown text against <see cref="ParserLimits"/> before Markdig sees them, so that what
/// Markdig would refuse with an exception, or take minutes over, is refused with a plain error naming the line.
/// The counts are upper bounds of what Markdig builds (a '[' inside a code span counts too): over-counting only
/// refuses text that is far from an article anyway, under-counting would let the costly text through.
/// </summary>
public static class MarkdownBounds
{
    private const string EmphasisCharacters = "*_~^+=";

    /// <summary>
    /// Errors for the lines that go beyond a bound, at most one per bound (the file is refused either way).
    /// Lines before <paramref name="firstMarkdownLine"/> (0-based; the front matter) are only checked for length.
    /// </summary>
    public static List<ContentError> Check(string file, IReadOnlyList<string> lines, int firstMarkdownLine)
    {
        var errors = new List<ContentError>();
        CheckLines(file, lines, firstMarkdownLine, errors);
        if (errors.Count == 0)
        {
            // Walks every character, so only once each line is known to be of a sane length.
            CheckParagraphs(file, lines, firstMarkdownLine, errors);
        }

        return errors;
    }

    private static void CheckLines(string file, IReadOnlyList<string> lines, int firstMarkdownLine, List<ContentError> errors)
    {
        var (lengthReported, nestingReported) = (false, false);
        for (var index = 0; index < lines.Count && !(lengthReported && nestingReported); index++)
        {
            var line = lines[index];
            if (line.Length > ParserLimits.MaxLineLength && !lengthReported)
            {
                lengthReported = true;
                var tooLong = lines.Count(other => other.Length > ParserLimits.MaxLineLength);
                errors.Add(new(file, index + 1, ParserLimits.MaxLineLength + 1,
                    $"Line {index + 1} is {ParserLimits.Number(line.Length)} characters long; the site reads lines of at most "
                    + $"{ParserLimits.Number(ParserLimits.MaxLineLength)} characters. Break it into shorter lines (a single line "
                    + "break inside a paragraph does not show on the page)"
                    + (tooLong > 1 ? $". {ParserLimits.Number(tooLong)} lines of this file are too long." : ".")));
            }

            if (index >= firstMarkdownLine && !nestingReported && BlockNesting(line) is var nesting && nesting > ParserLimits.MaxBlockNesting)
            {
                nestingReported = true;
                errors.Add(new(file, index + 1, 1,
                    $"Line {index + 1} is nested {ParserLimits.Number(nesting)} levels deep (block quotes '>', lists inside lists, "
                    + $"or spaces at the start of the line); the site reads at most {ParserLimits.Number(ParserLimits.MaxBlockNesting)}. "
                    + "Remove some of the '>' or list levels, or the spaces at the start of the line."));
            }
        }
    }

    /// <summary>
    /// An upper bound of the containers a line opens or continues: each '>' and list marker at its start, and one
    /// level for every two columns of indentation (a nested list item is indented at least two columns more).
    /// </summary>
    private static int BlockNesting(string line)
    {
        var index = 0;
        var indent = 0;
        while (index < line.Length && line[index] is ' ' or '\t')
        {
            indent += line[index] == '\t' ? 4 : 1;
            index++;
        }

        var markers = 0;
        while (index < line.Length)
        {
            if (line[index] is ' ' or '\t')
            {
                index++;
            }
            else if (line[index] == '>')
            {
                markers++;
                index++;
            }
            else if (line[index] is '-' or '*' or '+' && (index + 1 == line.Length || line[index + 1] is ' ' or '\t'))
            {
                markers++;
                index++;
            }
            else if (OrderedMarkerLength(line, index) is var length and > 0)
            {
                markers++;
                index += length;
            }
            else
            {
                break;
            }
        }

        return markers + (indent / 2);
    }

    // "1." or "12)" followed by a space or the end of the line; 0 when the text there is not such a marker.
    private static int OrderedMarkerLength(string line, int start)
    {
        var index = start;
        while (index < line.Length && index - start < 9 && char.IsAsciiDigit(line[index]))
        {
            index++;
        }

        var isMarker = index > start && index < line.Length && line[index] is '.' or ')'
            && (index + 1 == line.Length || line[index + 1] is ' ' or '\t');
        return isMarker ? index + 1 - start : 0;
    }

    private static void CheckParagraphs(string file, IReadOnlyList<string> lines, int firstMarkdownLine, List<ContentError> errors)
    {
        var (depthReported, openersReported, emphasisReported) = (false, false, false);
        var (depth, openers, emphasisMarks, paragraphStart) = (0, 0, 0, firstMarkdownLine);
        var linkAddressScan = 0L;
        var (tableRows, tableRowsReported, pipes) = (0, false, 0);
        for (var index = firstMarkdownLine; index < lines.Count; index++)
        {
            var line = lines[index];
            if (line.Contains('|', StringComparison.Ordinal))
            {
                pipes += line.Count(character => character == '|');
                if (pipes > ParserLimits.MaxTablePipes)
                {
                    errors.Add(new(file, index + 1, 1,
                        $"With line {index + 1}, this file has more than {ParserLimits.Number(ParserLimits.MaxTablePipes)} '|' "
                        + "(table cells); the site reads at most that many in one file. Make the tables smaller."));
                    return;
                }

                if (++tableRows > ParserLimits.MaxTableRowsPerParagraph && !tableRowsReported)
                {
                    tableRowsReported = true;
                    errors.Add(new(file, index + 1, 1,
                        $"The paragraph or table that starts on line {paragraphStart + 1} has more than "
                        + $"{ParserLimits.Number(ParserLimits.MaxTableRowsPerParagraph)} lines with '|'; the site reads tables of at "
                        + "most that many rows. Split the table in two (a blank line, then a new header row)."));
                }
            }
            linkAddressScan += LinkAddressScan(line);
            if (linkAddressScan > ParserLimits.MaxLinkAddressScan)
            {
                errors.Add(new(file, index + 1, 1,
                    $"Line {index + 1} has many links opened with '](' whose address goes on and on without a space "
                    + "(with the lines above, more than the site reads in one file). Close each link's address with ')', "
                    + "or write '\\[' for a bracket that is only text."));
                return;
            }

            if (IsBlank(line))
            {
                // A blank line ends every paragraph, and with it Markdig's pending link openers and delimiters.
                (depth, openers, emphasisMarks, paragraphStart, tableRows) = (0, 0, 0, index + 1, 0);
                continue;
            }

            if (StartsABulletItem(line))
            {
                // Markdig parses a list item's text apart from the lines before it: an entry's facts list is as many
                // paragraphs as it has facts, not one (200 facts are 800 '*').
                (depth, openers, emphasisMarks, paragraphStart) = (0, 0, 0, index);
            }

            for (var column = 0; column < line.Length; column++)
            {
                var character = line[column];
                if (character == '\\')
                {
                    column++;
                }
                else if (character == '[')
                {
                    depth++;
                    openers++;
                    if (depth > ParserLimits.MaxBracketDepth && !depthReported)
                    {
                        depthReported = true;
                        errors.Add(new(file, index + 1, column + 1,
                            $"Brackets '[' are nested more than {ParserLimits.Number(ParserLimits.MaxBracketDepth)} deep here. Close each '[' with ']' "
                            + "before opening the next, or write '\\[' for a bracket that is only text."));
                    }

                    if (openers > ParserLimits.MaxLinkOpenersPerParagraph && !openersReported)
                    {
                        openersReported = true;
                        errors.Add(new(file, index + 1, column + 1,
                            $"The paragraph that starts on line {paragraphStart + 1} has more than "
                            + $"{ParserLimits.Number(ParserLimits.MaxLinkOpenersPerParagraph)} links or '[' brackets; the site reads at most that many "
                            + "in one paragraph. Split it with blank lines, or write '\\[' for a bracket that is only text."));
                    }
                }
                else if (character == ']')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (EmphasisCharacters.Contains(character, StringComparison.Ordinal))
                {
                    emphasisMarks++;
                    if (emphasisMarks > ParserLimits.MaxEmphasisMarksPerParagraph && !emphasisReported)
                    {
                        emphasisReported = true;
                        errors.Add(new(file, index + 1, column + 1,
                            $"The paragraph that starts on line {paragraphStart + 1} has more than "
                            + $"{ParserLimits.Number(ParserLimits.MaxEmphasisMarksPerParagraph)} of the marks '*', '_', '~', '^', '+' and '='; the site "
                            + "reads at most that many in one paragraph. Split it with blank lines, or write '\\*' (and so on) "
                            + "for a mark that is only text."));
                    }
                }
            }
        }
    }

    /// <summary>
    /// An upper bound of what Markdig reads looking for the ends of the link addresses opened on this line: from
    /// each '](' to the next space or the end of the line (an address has no spaces; a ')' may not end it, since
    /// parentheses inside it are balanced). Worked out backwards, so the count itself costs one pass.
    /// </summary>
    private static long LinkAddressScan(string line)
    {
        var scan = 0L;
        var stop = line.Length;
        for (var index = line.Length - 1; index >= 0; index--)
        {
            if (line[index] is ' ' or '\t')
            {
                stop = index;
            }
            else if (line[index] == '(' && index > 0 && line[index - 1] == ']')
            {
                scan += stop - index;
            }
        }

        return scan;
    }

    /// <summary>
    /// True for a line that starts a bullet list item wherever it stands: '-', '*' or '+', a space and some text, indented
    /// less than a code block would be. Such a line always ends the paragraph above it (a bullet with text may interrupt
    /// a paragraph), while a line indented four columns or more may go on with it, so it does not count here.
    /// </summary>
    private static bool StartsABulletItem(string line)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        return indent < 4 && indent + 2 < line.Length && line[indent] is '-' or '*' or '+' && line[indent + 1] == ' '
            && !string.IsNullOrWhiteSpace(line[(indent + 2)..]);
    }

    // Blank, or blank inside block quotes: either way the paragraph before it has ended.
    private static bool IsBlank(string line) => line.All(character => character is ' ' or '\t' or '>');
}
