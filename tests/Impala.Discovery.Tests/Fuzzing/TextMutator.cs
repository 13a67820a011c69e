using System.Text;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of a content file's text: what an editor's slip, a bad copy and paste, another tool's encoding or
/// a hostile contributor can make of it. Each operation names itself, so a failing mutant says how it was made.
/// The same <see cref="Random"/> state always gives the same mutant.
/// </summary>
public sealed class TextMutator(Random random)
{
    // Nesting stays far below what overflows a parser's stack (50,000 brackets kill YamlDotNet): a crash would take the
    // whole test run down with it, so the deepest inputs have their own test that runs in a child process.
    private const int MaxNesting = 300;

    private static readonly string[] Unicode =
    [
        "\u0301\u0308\u0327", "\u202E", "\u200F", "\u202B", "\u200B", "\u2028", "\u2029", "\uFEFF", "🎸", "👩‍👩‍👧", "\uD800", "\uDFFF",
        "é", "Ö", "ß", "İ", "ﬁ", "Ω", "Å", "ي", "中文", "\uFFFD", "\uFFFF", "\u00A0", "\u3000",
    ];

    private static readonly string[] Controls = ["\0", "\u0001", "\u0007", "\b", "\u001B", "\u007F", "\u0085", "\r", "\v", "\f", "\t"];

    private static readonly string[] Punctuation = ["[", "]", "{", "}", "(", ")", "\"", "'", "`", "<", ">", "*", "_", "|", "#", ":", "-", "&", "!", "\\", "%", "@", ",", "?", "~", "="];

    private static readonly string[] EntryPaths = ["/labels/ninja-tune", "/venues/loppen", "/associations/runda", "/milestones/merlin-and-win-take-shape", "/countries/denmark", "/series/record-labels"];

    private readonly List<string> _operations = [];

    public IReadOnlyList<string> Operations => _operations;

    /// <summary>True when an operation saved the file in Latin-1 instead of UTF-8, as an old editor might.</summary>
    public bool SavedAsLatin1 { get; private set; }

    /// <summary>One to four operations on an article: lines, characters, line endings, Markdown and front matter.</summary>
    public string MutateArticle(string text)
    {
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            text = random.Next(10) switch
            {
                0 or 1 => MutateLines(text),
                2 or 3 => InsertCharacters(text),
                4 => MutateWhitespace(text),
                5 or 6 => SpliceMarkdown(text),
                7 => SpliceFact(text),
                _ => BreakFrontMatter(text),
            };
        }

        return text;
    }

    /// <summary>One to three operations on kinds.yml: lines, characters, line endings, YAML and the schema's values.</summary>
    public string MutateKinds(string text)
    {
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            text = random.Next(6) switch
            {
                0 or 1 => MutateLines(text),
                2 => InsertCharacters(text),
                3 => MutateWhitespace(text),
                4 => BreakYaml(text),
                _ => BreakSchema(text),
            };
        }

        return text;
    }

    private string MutateLines(string text)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                Note($"delete line {at + 1}");
                lines.RemoveAt(at);
                break;
            case 1:
                Note($"duplicate line {at + 1}");
                lines.Insert(at, lines[at]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                Note($"swap lines {at + 1} and {other + 1}");
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 3:
                var cut = random.Next(lines[at].Length + 1);
                Note($"truncate line {at + 1} at column {cut + 1}");
                lines[at] = lines[at][..cut];
                break;
            case 4:
                var end = random.Next(text.Length + 1);
                Note($"truncate the file at character {end}");
                return text[..end];
            default:
                var length = random.Next(1, 6);
                Note($"delete lines {at + 1} to {at + length}");
                lines.RemoveRange(at, Math.Min(length, lines.Count - at));
                break;
        }

        return string.Join('\n', lines);
    }

    private string InsertCharacters(string text)
    {
        string inserted;
        switch (random.Next(5))
        {
            case 0:
                inserted = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(256)).ToArray());
                Note($"insert random bytes as characters {Show(inserted)}");
                break;
            case 1:
                inserted = Pick(Unicode);
                Note($"insert unicode {Show(inserted)}");
                break;
            case 2:
                inserted = Pick(Controls);
                Note($"insert control character {Show(inserted)}");
                break;
            case 3:
                inserted = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(Punctuation)));
                Note($"insert brackets and quotes {Show(inserted)}");
                break;
            default:
                inserted = new string((char)random.Next(0x20, 0xFFFF), random.Next(1, 4));
                Note($"insert the character {Show(inserted)}");
                break;
        }

        var at = random.Next(text.Length + 1);
        return text.Insert(at, inserted);
    }

    private string MutateWhitespace(string text)
    {
        switch (random.Next(8))
        {
            case 7:
                Note("saved as Latin-1");
                SavedAsLatin1 = true;
                return text;
            case 0:
                Note("every line ending CRLF");
                return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            case 1:
                Note("some line endings CRLF, some CR");
                return string.Concat(text.Split('\n').Select((line, i) => line + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")));
            case 2:
                Note("byte order mark at the start");
                return "\uFEFF" + text;
            case 3:
                var at = random.Next(text.Length + 1);
                Note($"byte order mark at character {at}");
                return text.Insert(at, "\uFEFF");
            case 4:
                Note("leading spaces become tabs");
                return string.Join('\n', text.Split('\n').Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? "\t" + line.TrimStart(' ') : line));
            case 5:
                return WithLine(text, (line, number) =>
                {
                    Note($"tab at the start of line {number}");
                    return "\t" + line;
                });
            default:
                Note("trailing spaces on every line");
                return string.Join('\n', text.Split('\n').Select(line => line + "   "));
        }
    }

    private string SpliceMarkdown(string text)
    {
        var path = Pick(EntryPaths);
        var depth = random.Next(1, MaxNesting);
        var (name, block) = random.Next(20) switch
        {
            0 => ("reference link with its definition", $"See [the entry][ref] and [ref].\n\n[ref]: {path}"),
            1 => ("reference link defined elsewhere", $"See [it][far] and ![img][far].\n\n{new string('x', 3)}\n\n[far]: {path} \"title\""),
            2 => ("setext heading (dashes)", "Warp Records\n------------"),
            3 => ("setext heading (equals)", "Warp Records\n============"),
            4 => ("HTML block", "<div class=\"x\">\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n</div>"),
            5 => ("HTML comment left open", "<!-- an unfinished comment\n\n## Hidden"),
            6 => ("table", "| Name | Year |\n|------|-----:|\n| Warp | 1989 |\n| [x](" + path + ") | `y` |"),
            7 => ("footnote", "A claim.[^1]\n\n[^1]: The note, linking [here](" + path + ")."),
            8 => ("emphasis in a heading", Pick(["## *Warp*", "## **[PIAS]** Records", "## `Warp`", $"## [Warp]({path})", "## Warp ##", "##", "## ", "## <b>Warp</b>", "## Warp\\", "## ![Warp](/img/x.png)"])),
            9 => ($"{depth} levels of >", new string('>', depth) + " quoted"),
            10 => ($"list {depth} levels deep", string.Join('\n', Enumerable.Range(0, depth).Select(level => new string(' ', level * 2) + "- item"))),
            11 => ($"{depth} nested [", new string('[', depth) + "x" + new string(']', random.Next(2) * depth)),
            12 => ($"'[a](' repeated {depth * 4} times", string.Concat(Enumerable.Repeat("[a](", depth * 4))),
            13 => ($"{depth} nested emphasis", new string('*', depth) + "x" + new string('*', depth)),
            14 => ("a line of 100,000 characters", new string('x', 100_000)),
            15 => ("a long line of links", string.Concat(Enumerable.Repeat($"[x]({path}) ", 2000))),
            16 => ("an unclosed code fence", "```yaml\n---\ntitle: x"),
            17 => ("links of other schemes", "[a](javascript:alert(1)) <javascript:alert(1)> [b](data:text/html,x) <http://x.org> [c](//evil.org) [d](/labels/../etc/passwd)"),
            18 => ("an entity and a NUL in a heading", "## Caf&eacute; &#0; \0 Records"),
            _ => ("a thematic break and a front matter fence", "---\ntitle: again\n---"),
        };
        Note($"splice {name}");
        return InsertBlock(text, block);
    }

    private string SpliceFact(string text)
    {
        var fact = Pick([
            "- **Country:** Atlantis", "- **Country:** UK, Ireland", "- **Founded:** 99999999999999999999", "- **Founded:** -5", "- **Founded:** c. c. 2000",
            "- **Capacity:** 1-99999999999999999999", "- **Capacity:** 99999999999999999999", "- **Members:** -1", "- **Slug:** ../../etc",
            "- **Slug:** ninja-tune", "- **Aliases:** a, a, ninja-tune", "- **Website:** javascript:alert(1)", "- **Website:** https://", "- **Unknwon:** x",
            "- **Founded:**", "- ****:** x", "- **Country:**Denmark", "- **Year:** 2001, 2002", "- **Territories:** Denmark, Denmark", "- **City:** " + new string('x', 5000),
        ]);
        Note($"splice the fact line '{Show(fact)}'");
        var lines = text.Split('\n').ToList();
        var facts = lines.Select((line, index) => (line, index)).Where(pair => pair.line.StartsWith("- **", StringComparison.Ordinal)).Select(pair => pair.index).ToList();
        var at = facts.Count > 0 ? facts[random.Next(facts.Count)] : random.Next(lines.Count);
        lines.Insert(at, fact);
        return string.Join('\n', lines);
    }

    private string BreakFrontMatter(string text)
    {
        var lines = text.Split('\n').ToList();
        var closing = lines.FindIndex(1, line => line.TrimEnd() == "---");
        var key = random.Next(1, closing > 1 ? closing : Math.Max(2, lines.Count));
        key = Math.Min(key, lines.Count - 1);
        var depth = random.Next(1, MaxNesting);
        switch (random.Next(16))
        {
            case 0:
                Note($"unclosed [ in front matter line {key + 1}");
                lines[key] = ValueReplaced(lines[key], "[" + ValueOf(lines[key]));
                break;
            case 1:
                Note($"unclosed {{ in front matter line {key + 1}");
                lines[key] = ValueReplaced(lines[key], "{a: " + ValueOf(lines[key]));
                break;
            case 2:
                Note($"tab indenting front matter line {key + 1}");
                lines[key] = "\t" + lines[key];
                break;
            case 3:
                Note($"tab after the colon on front matter line {key + 1}");
                lines[key] = lines[key].Replace(": ", ":\t", StringComparison.Ordinal);
                break;
            case 4:
                Note("anchor and alias in front matter");
                lines.Insert(1, "x: &anchor " + Pick(["Twenty labels", "[a, b]", "{a: b}"]));
                lines[Math.Min(key + 1, lines.Count - 1)] = ValueReplaced(lines[Math.Min(key + 1, lines.Count - 1)], "*anchor");
                break;
            case 5:
                Note("alias bomb in front matter");
                lines.InsertRange(1, ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
                    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]"]);
                break;
            case 6:
                Note($"duplicate front matter line {key + 1}");
                lines.Insert(key, lines[key]);
                break;
            case 7:
                Note($"{depth} nested [ in front matter line {key + 1}");
                lines[key] = ValueReplaced(lines[key], new string('[', depth) + new string(']', random.Next(2) * depth));
                break;
            case 8:
                Note($"{depth} nested {{ in front matter line {key + 1}");
                lines[key] = ValueReplaced(lines[key], string.Concat(Enumerable.Repeat("{a: ", depth)) + new string('}', random.Next(2) * depth));
                break;
            case 9:
                Note("no closing front matter fence");
                if (closing > 0)
                {
                    lines.RemoveAt(closing);
                }

                break;
            case 10:
                Note("no opening front matter fence");
                lines.RemoveAt(0);
                break;
            case 11:
                Note("front matter value on several lines");
                lines[key] = ValueReplaced(lines[key], "|\n  first\n  second");
                break;
            case 12:
                var value = Pick(["2021-13-01", "2021-02-30", "2999-01-01", "21-03-01", "2021-03-01T10:00:00", "", "~", "null", "99999999999999999999-01-01"]);
                Note($"published: {value}");
                lines.Insert(1, "published: " + value);
                lines.RemoveAll(line => line.StartsWith("published:", StringComparison.Ordinal) && line != "published: " + value);
                break;
            case 13:
                var kind = Pick(["labels", "venues", "associations", "milestones", "managers", "Labels", "", "[labels]"]);
                Note($"kind: {kind}");
                lines = lines.Select(line => line.StartsWith("kind:", StringComparison.Ordinal) ? "kind: " + kind : line).ToList();
                break;
            case 14:
                var extra = Pick(["draft: true", "draft: yes", "draft: [true]", "aliases: [a, b]", "aliases: record-labels", "aliases: ../x", "title: ", "summary: " + new string('x', 20_000), "unknown: x", "? complex\n: key", "!!binary x: y", "%YAML 1.2"]);
                Note($"front matter line '{Show(extra)}'");
                lines.Insert(Math.Min(key, lines.Count), extra);
                break;
            default:
                Note("a second YAML document in front matter");
                lines.Insert(Math.Min(key, lines.Count), "...\n---\nother: document");
                break;
        }

        return string.Join('\n', lines);
    }

    private string BreakYaml(string text)
    {
        var depth = random.Next(1, MaxNesting);
        switch (random.Next(8))
        {
            case 0:
                Note("unclosed [ in a fact");
                return ReplaceOnce(text, "{ key: Country, type: country, required: true }", "[ key: Country, type: country, required: true }");
            case 1:
                Note("unclosed { in a fact");
                return ReplaceOnce(text, "required: true }", "required: true");
            case 2:
                Note("tab indenting a kind");
                return ReplaceOnce(text, "\n  - key: venues", "\n\t- key: venues");
            case 3:
                Note("anchor and alias");
                return ReplaceOnce(text, "    facts:\n", "    facts: &facts\n").Replace("  - key: milestones", "  - key: milestones\n    facts2: *facts", StringComparison.Ordinal);
            case 4:
                Note("duplicate key in a kind");
                return ReplaceOnce(text, "    singular: Label\n", "    singular: Label\n    singular: Record label\n");
            case 5:
                Note($"{depth} nested [ as a kind's intro");
                return ReplaceOnce(text, "    intro: Independent", "    intro: " + new string('[', depth) + " Independent");
            case 6:
                Note("alias bomb");
                return "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n" + text;
            default:
                Note("two YAML documents");
                return text + "\n---\nkinds: []\n";
        }
    }

    private string BreakSchema(string text)
    {
        var (find, replace) = Pick([
            ("type: year", "type: yeer"), ("type: country", "type: countries"), ("type: countries", "type: country"), ("type: list", "type: text"),
            ("required: true", "required: maybe"), ("required: true", "required: false"), ("key: labels", "key: Labels"), ("key: venues", "key: series"),
            ("key: venues", "key: labels"), ("colour: \"#c2410c\"", "colour: red"), ("plural: Venues", "plural:"), ("key: Founded", "key: Slug"),
            ("kinds:", "kind:"), ("kinds:", "kinds: []\nold:"), ("{ key: Country, type: country, required: true }", "{ }"), ("    facts:", "    facts: []\n    facts2:"),
            ("key: milestones", "key: " + new string('m', 5000)), ("singular: Label", "singular: \"\""),
        ]);
        Note($"'{find}' becomes '{Show(replace)}'");
        return ReplaceOnce(text, find, replace);
    }

    private string InsertBlock(string text, string block)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count + 1);
        lines.Insert(at, "\n" + block + "\n");
        return string.Join('\n', lines);
    }

    private string WithLine(string text, Func<string, int, string> change)
    {
        var lines = text.Split('\n');
        var at = random.Next(lines.Length);
        lines[at] = change(lines[at], at + 1);
        return string.Join('\n', lines);
    }

    private static string ReplaceOnce(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text + "\n" + replace : text[..at] + replace + text[(at + find.Length)..];
    }

    private static string ValueOf(string line) => line.Contains(':', StringComparison.Ordinal) ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : line;

    private static string ValueReplaced(string line, string value) =>
        line.Contains(':', StringComparison.Ordinal) ? line[..(line.IndexOf(':', StringComparison.Ordinal) + 1)] + " " + value : "title: " + value;

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private void Note(string operation) => _operations.Add(operation);

    /// <summary>Control characters and long runs shown so that a report stays one readable line.</summary>
    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 60 ? text[..60] : text)
        {
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.Length > 60 ? shown + $"... ({text.Length} characters)" : shown.ToString();
    }
}
