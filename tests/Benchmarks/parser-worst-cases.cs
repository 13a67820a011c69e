#:project ../../src/Impala.Discovery.Web/Impala.Discovery.Web.csproj
// Prints how long the article parser takes on the most costly texts it accepts or refuses, each about 1 MiB (the
// file size cap). Not a test: speed is measured here, not asserted. Run: dotnet run tests/Benchmarks/parser-worst-cases.cs
using System.Diagnostics;
using System.Text;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Parsing;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "..", ".."));
var kinds = KindCatalogParser.Parse("kinds.yml", File.ReadAllText(Path.Combine(root, "content", "kinds.yml"))).Value!;
var parser = new ArticleParser(kinds);

const int Size = 1_000_000;
const string FrontMatter = "---\ntitle: Bench\nkind: labels\npublished: 2021-04-01\nsummary: Bench.\n---\n\n";

// kinds.yml in the style content/README.md documents: each kind a block of settings, each fact one '- { … }' line.
string KindsFile(int kinds, int facts) => "kinds:\n" + string.Concat(Enumerable.Range(1, kinds).Select(kind => $$"""
      - key: kind-{{kind:000}}
        singular: Kind {{kind}}
        plural: Kinds {{kind}}
        colour: "#0f766e"
        intro: A kind of entry declared for growth, number {{kind}}.
        caption: City, Country, Fact 3
        members: true
        facts:
          - { key: Country, type: country, required: true }
          - { key: City, type: text }

    """ + string.Concat(Enumerable.Range(3, facts - 2).Select(fact => $"      - {{ key: Fact {fact}, type: {(fact % 3 == 0 ? "year" : "text")} }}\n"))));
string ManyFacts(int facts) => FrontMatter.Replace("kind: labels", "kind: kind-001", StringComparison.Ordinal) + string.Concat(Enumerable.Range(1, 20).Select(entry =>
    $"## Entry {entry}\n\n- **Country:** Belgium\n- **City:** Ghent\n" + string.Concat(Enumerable.Range(3, facts - 2).Select(fact => $"- **Fact {fact}:** {(fact % 3 == 0 ? "1990" : "Some words of a fact")}\n")) + "\nProse.\n\n"));

Console.WriteLine($"{"kinds.yml",-44} {"bytes",10} {"wall ms",8} {"cpu ms",7}  result");
foreach (var (kindCount, factCount) in new[] { (4, 10), (27, 10), (100, 20), (150, 25) })
{
    var text = KindsFile(kindCount, factCount);
    var clock = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var result = KindCatalogParser.Parse("kinds.yml", text);
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
    Console.WriteLine($"{$"{kindCount} kinds of {factCount} facts",-44} {System.Text.Encoding.UTF8.GetByteCount(text),10:N0} {clock.ElapsedMilliseconds,8:N0} {cpu,7:N0}  "
        + (result.Succeeded ? $"{result.Value!.Kinds.Count} kinds" : result.Errors[0].Message[..Math.Min(60, result.Errors[0].Message.Length)]));
}

foreach (var factCount in new[] { 50, 200, 250 })
{
    var manyKinds = KindCatalogParser.Parse("kinds.yml", KindsFile(1, factCount)).Value!;
    var text = ManyFacts(factCount);
    var clock = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var result = new ArticleParser(manyKinds).Parse("articles/2021-04-bench.md", text);
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
    Console.WriteLine($"{$"20 entries of {factCount} facts",-44} {text.Length,10:N0} {clock.ElapsedMilliseconds,8:N0} {cpu,7:N0}  "
        + (result.Succeeded ? $"{result.Value!.Entries.Count} entries" : result.Errors[0].Message[..Math.Min(60, result.Errors[0].Message.Length)]));
}

Console.WriteLine();

string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
string Fill(Func<int, string> block)
{
    var builder = new StringBuilder(FrontMatter);
    for (var index = 0; builder.Length < Size; index++)
    {
        builder.Append(block(index)).Append("\n\n");
    }

    return builder.ToString();
}

string Entry(int index, string prose) => $"## Label {index}\n\n- **Country:** Belgium\n- **Founded:** 1990\n\n{prose}";

var realEntries = Directory.GetFiles(Path.Combine(root, "content", "articles"), "*.md").Select(File.ReadAllText)
    .Select(text => text[(text.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)..]).ToList();
var cases = new (string Name, string Text)[]
{
    ("real prose, 1,000 entries", Fill(index => Entry(index, "Founded in *London* by [two DJs](/labels/warp), it **grew** fast; see <https://warp.net>.\n\n" + Repeat("More plain prose about the label and its artists. ", 10)))),
    ("128 '[a](' + 200 '*a ' per paragraph", Fill(index => Repeat("[a](", 128) + Repeat("*a ", 200))),
    ("128 '[a]( ' per 10,000-char line", Fill(index => Repeat("[a]( ", 128) + Repeat("x", 10_000 - 640))),
    ($"{ParserLimits.MaxEmphasisMarksPerParagraph} '_a' '~a' '^a' '+a' '=a' per paragraph", Fill(index => Repeat("_a ~a ^a +a =a ", ParserLimits.MaxEmphasisMarksPerParagraph / 5))),
    ($"{ParserLimits.MaxEmphasisMarksPerParagraph} '*a' per paragraph", Fill(index => Repeat("*a ", ParserLimits.MaxEmphasisMarksPerParagraph))),
    ($"list items of {ParserLimits.MaxEmphasisMarksPerParagraph} '*a', no blank line", FrontMatter + Repeat("- " + Repeat("*a ", ParserLimits.MaxEmphasisMarksPerParagraph) + "\n", Size / (3 * ParserLimits.MaxEmphasisMarksPerParagraph + 3))),
    ("12-deep block quotes", Fill(index => Repeat(">", 12) + " quoted")),
    ("12-deep lists", Fill(index => string.Join("\n", Enumerable.Range(0, 12).Select(level => new string(' ', 2 * level) + "- item")))),
    ("16-deep brackets", Fill(index => Repeat("[", 16) + "x" + Repeat("]", 16))),
    ("link address scan just under the bound", Fill(index => index < 50 ? Repeat("[a](", 100) + Repeat("x", 9_000) : "Plain prose.")),
    ("reference definitions and uses", Fill(index => $"[l{index}]: /venues/v{index}\n\nSee [x][l{index}] and [y][l{index / 2}].")),
    ("code spans of growing length", Fill(index => string.Concat(Enumerable.Range(1, 40).Select(length => new string('`', length) + "a ")))),
    ("tables of 100 rows up to 10,000 cells", Fill(index => index < 40 ? "**Bold** line\n| a | b |\n| - | - |\n" + Repeat("| [x](/a) y |\n", 80) : "Plain prose.")),
    ("refused: one big pipe table", FrontMatter + "| a | b |\n| - | - |\n" + Repeat("| [x](/a) *y* | z |\n", Size / 20)),
    ("1,000 entries of bad facts (errors)", Fill(index => $"## Label {index}\n\n- **Country:** {Repeat("Atlantis ", 100)}\n- **Founded:** {Repeat("soon ", 100)}")),
    ("refused: 10,000-entry article", Fill(index => Entry(index, "x"))[..Size]),
    ("refused: '[a](' x 262,144", FrontMatter + Repeat("[a](", Size / 4)),
    ("refused: '[a](' lines, no blank line", FrontMatter + Repeat(Repeat("[a](", 2_000) + "\n", Size / 8_001)),
    ("refused: '[a](' then 9,000 x, 100 lines", Fill(index => Repeat("[a](", 100) + Repeat("x", 9_000))),
    ("refused: 16 KiB front matter of brackets", "---\ntitle: " + string.Join("\n", Enumerable.Repeat(Repeat("[", 1_000), 16)) + "\n---\n"),
};

parser.Parse("articles/2021-04-bench.md", cases[0].Text); // warm up
// CPU time beside wall time: on a shared machine the wall time says more about the neighbours than the parser.
Console.WriteLine($"{"case",-44} {"chars",10} {"wall ms",8} {"cpu ms",7}  result");
var process = Process.GetCurrentProcess();
foreach (var (name, text) in cases)
{
    var clock = Stopwatch.StartNew();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var result = parser.Parse("articles/2021-04-bench.md", text);
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    var outcome = result.Succeeded ? $"{result.Value!.Entries.Count} entries" : $"{result.Errors.Count} errors: {result.Errors[0].Message[..Math.Min(60, result.Errors[0].Message.Length)]}";
    Console.WriteLine($"{name,-44} {text.Length,10:N0} {clock.ElapsedMilliseconds,8:N0} {cpu,7:N0}  {outcome}");
}
