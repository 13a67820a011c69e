using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Finds the places where Markdown reads an article without complaint but not as its author meant: a heading without
/// its space, a paragraph glued to the facts list, a fact split off by another bullet or written with a dash Markdown
/// does not know, a fact line outside the facts list, a heading of the wrong level over a facts list. Each would
/// otherwise change a live page without a word. Works on Markdig's tree (the blocks of the article after its front
/// matter) and the source lines its blocks point at.
/// </summary>
internal sealed partial class StructureCheck
{
    private readonly string _file;
    private readonly string _source;
    private readonly string[] _lines;
    private readonly HashSet<string> _factKeys;
    private readonly List<ContentError> _errors;

    // Blocks whose mistake is already explained by a more telling message (the broken heading above a facts list).
    private readonly HashSet<Block> _explained = [];

    private StructureCheck(string file, string source, KindDefinition kind, List<ContentError> errors)
    {
        _file = file;
        _source = source;
        _lines = source.Split('\n');
        _factKeys = new(kind.Facts.Select(fact => fact.Key).Concat(KindCatalogParser.CommonFactKeys), StringComparer.OrdinalIgnoreCase);
        _errors = errors;
    }

    /// <summary>Adds an error for each such place in <paramref name="blocks"/> (the article's blocks after its front matter).</summary>
    public static void Check(string file, string source, KindDefinition kind, IReadOnlyList<Block> blocks, List<ContentError> errors)
    {
        var check = new StructureCheck(file, source, kind, errors);
        check.CheckHeadingLevels(blocks);
        check.CheckParagraphLines(blocks);
        check.CheckSplitFactsLists(blocks);
        check.CheckNestedFacts(blocks);
        check.CheckFactsOutsideTheirList(blocks);
    }

    /// <summary>
    /// Headings that do not start entries: '#' is never used (the title is in the front matter), and a '#' or '###'
    /// heading right above a facts list was meant to start an entry, whose facts would otherwise go to the one above.
    /// </summary>
    private void CheckHeadingLevels(IReadOnlyList<Block> blocks)
    {
        for (var index = 0; index < blocks.Count; index++)
        {
            if (blocks[index] is not HeadingBlock { Level: not 2 } heading)
            {
                continue;
            }

            if (!heading.IsSetext && index + 1 < blocks.Count && IsKnownFactsList(blocks[index + 1]))
            {
                var hashes = new string('#', heading.Level);
                var name = _lines[heading.Line].TrimStart().TrimStart('#').Trim();
                _explained.Add(blocks[index + 1]);
                _errors.Add(new(_file, heading.Line + 1, heading.Column + 1,
                    $"This '{hashes}' heading is followed by a facts list, as an entry is, but only '## ' headings start entries, "
                    + $"so '{name}' is not read as an entry. Write it as '## {name}'."));
            }
            else if (heading.Level == 1)
            {
                _errors.Add(new(_file, EntryReader.LineOf(heading, _source), heading.Column + 1,
                    "Level-1 headings ('# ...') are not used in articles: the title comes from the front matter. "
                    + "Start entries with '## ' and use '### ' inside an entry."));
            }
        }
    }

    /// <summary>
    /// Line by line through every paragraph (in lists too): a heading without its space, a dash or bullet sign Markdown
    /// does not read as a bullet, and a line glued to a facts list for want of a blank line.
    /// </summary>
    private void CheckParagraphLines(IReadOnlyList<Block> blocks)
    {
        foreach (var (paragraph, next) in Paragraphs(blocks))
        {
            var first = paragraph.Line;
            var last = first + _source.AsSpan(paragraph.Span.Start, paragraph.Span.Length).Count('\n');
            var inFactsItem = paragraph.Parent is ListItemBlock { Parent: ListBlock list } item && EntryReader.IsFactsList(list) ? item : null;
            for (var number = first; number <= last && number < _lines.Length; number++)
            {
                var text = number == first ? _lines[number][Math.Min(paragraph.Column, _lines[number].Length)..] : _lines[number].TrimStart();
                if (HeadingWithoutSpace().Match(text) is { Success: true } heading)
                {
                    var (hashes, name) = (heading.Groups["hashes"].Value, heading.Groups["name"].Value.TrimEnd());
                    if (number == last && next is not null && IsKnownFactsList(next))
                    {
                        _explained.Add(next);
                    }

                    _errors.Add(new(_file, number + 1, ColumnOf(number, text),
                        $"Line {number + 1} starts with '{hashes}' without a space after it, so it is read as text and '{name}' does not start "
                        + $"an entry. Write it as '{hashes} {name}'."));
                }
                else if (ForeignBullet().Match(text) is { Success: true } bullet)
                {
                    var (mark, key, value) = (bullet.Groups["mark"].Value, bullet.Groups["key"].Value.Trim(), bullet.Groups["value"].Value.Trim());
                    _errors.Add(new(_file, number + 1, ColumnOf(number, text),
                        $"Line {number + 1} starts with '{mark}', which Markdown does not read as a list bullet, so this "
                        + $"fact is read as ordinary text. Write it as '- **{key}:** {value}'."));
                }
                else if (number > first && NumberedFactLine().Match(text) is { Success: true } numbered)
                {
                    // A number other than 1 cannot interrupt the fact above it, so the line joins that fact's value.
                    var (marker, fact) = (numbered.Groups["marker"].Value, numbered.Groups["fact"].Value);
                    _errors.Add(new(_file, number + 1, ColumnOf(number, text),
                        $"Line {number + 1} starts with '{marker}' where the other facts start with '-'. A different bullet "
                        + $"starts a new list, so this fact would not be read as one. Write it as '- {fact}'."));
                }
                else if (inFactsItem is not null && number > first && IsLazy(number, paragraph.Column))
                {
                    ReportGlued(number, inFactsItem);
                    break;
                }
            }
        }
    }

    // A continuation line less indented than the item's text, after a line that does not end in a comma (a long list of
    // values wrapped by hand, which Markdown joins as meant).
    private bool IsLazy(int number, int contentColumn) =>
        Indentation(_lines[number]) < contentColumn && !_lines[number - 1].TrimEnd().EndsWith(',');

    private void ReportGlued(int number, ListItemBlock item)
    {
        var key = EntryReader.FactKeyOf(item) ?? "";
        var list = (ListBlock)item.Parent!;
        var isLastItem = list[^1] == item;
        _errors.Add(new(_file, number + 1, Indentation(_lines[number]) + 1, isLastItem
            ? $"Line {number + 1} is glued to the facts list above it: with no blank line in between, it is read as part of the fact '{key}'. "
                + $"Put a blank line above line {number + 1}."
            : $"Line {number + 1} is inside the facts list but is not a fact line, so it is read as part of the fact '{key}'. "
                + "Write it as a fact ('- **Key:** value') or move it into the prose below the list."));
    }

    /// <summary>
    /// A fact written with another bullet than the rest ('*' among '-'), or numbered, starts a list of its own, which is
    /// not the facts list: the markers that differ from most of the run of lists are reported, line by line.
    /// </summary>
    private void CheckSplitFactsLists(IReadOnlyList<Block> blocks)
    {
        for (var start = 0; start < blocks.Count; start++)
        {
            var end = start;
            while (end < blocks.Count && IsFactLines(blocks[end]))
            {
                end++;
            }

            var run = blocks.Skip(start).Take(end - start).Cast<ListBlock>().ToList();
            if (run.Count > 1 || run.Any(list => list.IsOrdered && list.Any(item => EntryReader.FactKeyOf(item) is { } key && _factKeys.Contains(key))))
            {
                ReportSplit(run);
            }

            start = Math.Max(start, end);
        }
    }

    private void ReportSplit(List<ListBlock> run)
    {
        // Most items decide among the bullets (numbers never do); on a tie the documented '-' wins.
        var usual = run.Where(list => !list.IsOrdered).GroupBy(list => list.BulletType)
            .OrderByDescending(group => group.Sum(list => list.Count)).ThenBy(group => group.Key == '-' ? 0 : 1)
            .Select(group => group.Key).DefaultIfEmpty('-').First();
        // Once the odd markers are fixed the run is one facts list: none of its lines is a fact outside it.
        _explained.UnionWith(run);
        foreach (var list in run.Where(list => list.IsOrdered || list.BulletType != usual))
        {
            foreach (var item in list.Cast<ListItemBlock>())
            {
                var line = _lines[item.Line];
                var marker = ListMarker().Match(line, item.Column).Value;
                var fixedLine = string.Concat(line.AsSpan(0, item.Column), usual.ToString(), line.AsSpan(item.Column + marker.Length));
                _errors.Add(new(_file, item.Line + 1, item.Column + 1,
                    $"Line {item.Line + 1} starts with '{marker}' where the other facts start with '{usual}'. A different bullet "
                    + $"starts a new list, so this fact would not be read as one. Write it as '{fixedLine}'."));
            }
        }
    }

    /// <summary>
    /// A fact indented under the one above it ("  - **City:** …") makes a list inside that fact, which is not read:
    /// the fact silently disappears.
    /// </summary>
    private void CheckNestedFacts(IReadOnlyList<Block> blocks)
    {
        foreach (var item in blocks.Where(IsFactLines).Cast<ListBlock>().SelectMany(list => list.Cast<ListItemBlock>()))
        {
            var nested = item.Skip(1).OfType<ListBlock>().SelectMany(list => list.Cast<ListItemBlock>())
                .Where(inner => EntryReader.FactKeyOf(inner) is { } key && _factKeys.Contains(key));
            foreach (var inner in nested)
            {
                var fixedLine = _lines[inner.Line].TrimStart();
                _errors.Add(new(_file, inner.Line + 1, inner.Column + 1,
                    $"Line {inner.Line + 1} is indented, so Markdown reads it as part of the fact '{EntryReader.FactKeyOf(item)}' above it, "
                    + $"not as a fact of its own. Start it at the beginning of the line. Write it as '{fixedLine}'."));
            }
        }
    }

    /// <summary>
    /// A line written as a fact of this kind ('- **City:** …' or '**City:** …') anywhere but in its entry's facts list
    /// shows as prose, and the entry lacks the fact.
    /// </summary>
    private void CheckFactsOutsideTheirList(IReadOnlyList<Block> blocks)
    {
        string? entry = null;
        var entryKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block is HeadingBlock { Level: 2 } heading)
            {
                entry = InlineText.Of(heading.Inline);
                entryKeys.Clear();
                if (index + 1 < blocks.Count && EntryReader.IsFactsList(blocks[index + 1]))
                {
                    index++;
                    entryKeys.UnionWith(((ListBlock)blocks[index]).Select(EntryReader.FactKeyOf).OfType<string>());
                }

                continue;
            }

            if (_explained.Contains(block))
            {
                continue;
            }

            var lines = block switch
            {
                ListBlock list => list.Cast<Block>().ToList(),
                ParagraphBlock paragraph => [paragraph],
                _ => [],
            };
            foreach (var line in lines.Where(line => EntryReader.FactKeyOf(line) is { } key && _factKeys.Contains(key)))
            {
                var key = EntryReader.FactKeyOf(line)!;
                _errors.Add(new(_file, line.Line + 1, line.Column + 1, entry is null
                    ? $"'{key}' on line {line.Line + 1} is written as a fact but comes before the first entry, so it belongs to no entry. "
                        + "Add the entry's heading ('## Its name') above its facts, or move the line under the heading it belongs to."
                    : entryKeys.Contains(key)
                    ? $"'{key}' on line {line.Line + 1} is written as a fact outside the facts list of '{entry}', which has a '{key}' "
                        + "line already, so this one shows as text. Delete this line, or merge its value into the one in the list."
                    : $"'{key}' on line {line.Line + 1} is written as a fact but lies outside the facts list of '{entry}', so it shows as "
                        + "text and is not a fact. Move it into the list right under the heading (with nothing between the heading and "
                        + "the list), or write the key without bold if it is meant as text."));
            }
        }
    }

    private bool IsKnownFactsList(Block block) =>
        EntryReader.IsFactsList(block) && EntryReader.FactKeyOf(((ListBlock)block)[0]) is { } key && _factKeys.Contains(key);

    private static bool IsFactLines(Block block) =>
        block is ListBlock list && list.Any(item => EntryReader.FactKeyOf(item) is not null);

    // Every paragraph, with the top-level block after it when it is one (what a broken heading would have headed).
    private static IEnumerable<(ParagraphBlock Paragraph, Block? Next)> Paragraphs(IReadOnlyList<Block> blocks)
    {
        for (var index = 0; index < blocks.Count; index++)
        {
            var next = index + 1 < blocks.Count ? blocks[index + 1] : null;
            if (blocks[index] is ParagraphBlock paragraph)
            {
                yield return (paragraph, next);
            }
            else if (blocks[index] is ContainerBlock container)
            {
                foreach (var inner in container.Descendants<ParagraphBlock>())
                {
                    yield return (inner, null);
                }
            }
        }
    }

    private int ColumnOf(int number, string text) => _lines[number].Length - text.Length + 1;

    private static int Indentation(string line) => line.Length - line.TrimStart(' ', '\t').Length;

    // A list item's marker: a bullet, or a number with its '.' or ')'.
    [GeneratedRegex(@"\G(?:\d{1,9}[.)]|[-*+])")]
    private static partial Regex ListMarker();

    // A numbered line written as a fact: "7) **Founded:** 1990".
    [GeneratedRegex(@"^(?<marker>\d{1,9}[.)])\s+(?<fact>\*\*[^*]+(?::\*\*|\*\*:).*)$")]
    private static partial Regex NumberedFactLine();

    // '##Name': two to six '#' and a letter or digit right after them (a single '#' opens ordinary text such as "#1").
    [GeneratedRegex(@"^(?<hashes>#{2,6})(?<name>[^#\s].*)$")]
    private static partial Regex HeadingWithoutSpace();

    // A fact-like line ("Key: value", its key in bold or not) started with a dash or bullet sign that Markdown does not
    // take for a bullet: an en or em dash, a bullet sign, a middle dot, the marks word processors put in front of items.
    [GeneratedRegex(@"^(?<mark>[–—•·▪◦‣●])\s*(?:\*\*)?(?<key>[\p{L}][\p{L} ]{0,30}?)(?::\*\*|\*\*:|:)\s*(?<value>.*)$")]
    private static partial Regex ForeignBullet();
}
