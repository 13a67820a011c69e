using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// One class of editors' mistake that Markdown or YAML reads without complaint, dropped at a random fitting place of an
/// article's lines (0-based, as the file has them). Returns the 1-based line the mistake is on, or null when the article
/// offers no place that fits (the caller then draws another).
/// </summary>
public static class StructuralMistake
{
    public const string HeadingWithoutSpace = "heading without its space";
    public const string GluedParagraph = "paragraph glued to the facts list";
    public const string SplitBullet = "another bullet among the facts";
    public const string ForeignBullet = "dash or bullet sign for a bullet";
    public const string HashInFrontMatter = "unquoted '#' in a front-matter value";
    public const string Placeholder = "placeholder left from new";
    public const string FactOutsideItsList = "fact line outside the facts list";
    public const string HeadingLevel = "heading level that should start an entry";
    public const string NumberedFact = "numbered fact among bullets";
    public const string IndentedFact = "fact indented under the one above";

    public static readonly IReadOnlyList<string> Classes =
        [HeadingWithoutSpace, GluedParagraph, SplitBullet, ForeignBullet, HashInFrontMatter, Placeholder, FactOutsideItsList, HeadingLevel, NumberedFact,
            IndentedFact];

    public static int? Apply(string mistake, List<string> lines, IReadOnlyList<FactDefinition> facts, Random random) => mistake switch
    {
        HeadingWithoutSpace => Change(lines, random, Headings(lines), line => "##" + line[3..]),
        GluedParagraph => Glue(lines, random),
        SplitBullet => Change(lines, random, FactLinesInListsOfTwoOrMore(lines), line => random.GetItems(['*', '+'], 1)[0] + line[1..]),
        ForeignBullet => Change(lines, random, FactLines(lines), line => WithForeignBullet(line, random)),
        HashInFrontMatter => Change(lines, random, FrontMatterTextLines(lines), line => WithHash(line, random)),
        Placeholder => Change(lines, random, BodyTextLines(lines), line => WithPlaceholder(line, random)),
        FactOutsideItsList => AddStrayFact(lines, facts, random),
        HeadingLevel => Change(lines, random, Headings(lines), line => random.GetItems(["#", "###", "####"], 1)[0] + line[2..]),
        NumberedFact => Change(lines, random, FactLines(lines), line => $"{random.Next(1, 30)}{random.GetItems(['.', ')'], 1)[0]}{line[1..]}"),
        IndentedFact => Change(lines, random, FactLinesAfterAFact(lines), line => new string(' ', random.Next(2, 5)) + line),
        _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, null),
    };

    private static int? Change(List<string> lines, Random random, List<int> candidates, Func<string, string> change)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        var index = candidates[random.Next(candidates.Count)];
        lines[index] = change(lines[index]);
        return index + 1;
    }

    private static int FrontMatterEnd(List<string> lines) => lines.IndexOf("---", 1);

    private static List<int> Headings(List<string> lines) =>
        Indexes(lines, index => lines[index].StartsWith("## ", StringComparison.Ordinal));

    private static bool IsFact(string line) => line.StartsWith("- **", StringComparison.Ordinal) && line.Contains(":**", StringComparison.Ordinal);

    private static List<int> FactLines(List<string> lines) =>
        Indexes(lines, index => IsFact(lines[index]) && index > 0 && (IsFact(lines[index - 1]) || lines[index - 1].Length == 0));

    private static List<int> FactLinesAfterAFact(List<string> lines) =>
        Indexes(lines, index => IsFact(lines[index]) && index > 0 && IsFact(lines[index - 1]));

    private static List<int> FactLinesInListsOfTwoOrMore(List<string> lines) =>
        Indexes(lines, index => IsFact(lines[index])
            && ((index > 0 && IsFact(lines[index - 1])) || (index + 1 < lines.Count && IsFact(lines[index + 1]))));

    private static List<int> FrontMatterTextLines(List<string> lines) =>
        Indexes(lines, index => index < FrontMatterEnd(lines) && (lines[index].StartsWith("title: ", StringComparison.Ordinal)
            || lines[index].StartsWith("summary: ", StringComparison.Ordinal)) && !lines[index].Contains(": \"", StringComparison.Ordinal));

    // Prose and fact lines of the body, where a placeholder shows: not headings, not the front matter.
    private static List<int> BodyTextLines(List<string> lines) =>
        Indexes(lines, index => index > FrontMatterEnd(lines) && ((lines[index].Length > 0 && char.IsLetter(lines[index][0])) || IsFact(lines[index])));

    private static List<int> Indexes(List<string> lines, Func<int, bool> fits) =>
        Enumerable.Range(0, lines.Count).Where(fits).ToList();

    // The last fact of a list, a blank line, then a paragraph of prose: the blank line goes.
    private static int? Glue(List<string> lines, Random random)
    {
        var candidates = Indexes(lines, index => IsFact(lines[index]) && index + 2 < lines.Count && lines[index + 1].Length == 0
            && lines[index + 2].Length > 0 && char.IsLetter(lines[index + 2][0]));
        if (candidates.Count == 0)
        {
            return null;
        }

        var index = candidates[random.Next(candidates.Count)];
        lines.RemoveAt(index + 1);
        return index + 2;
    }

    private static string WithForeignBullet(string line, Random random)
    {
        var mark = random.GetItems(["–", "—", "•"], 1)[0];
        var key = line[4..line.IndexOf(":**", StringComparison.Ordinal)];
        var value = line[(line.IndexOf(":**", StringComparison.Ordinal) + 3)..];
        return random.Next(2) == 0 ? $"{mark} {key}:{value}" : $"{mark} **{key}:**{value}";
    }

    private static string WithHash(string line, Random random)
    {
        var words = line.Split(' ').ToList();
        words.Insert(random.Next(2, words.Count + 1), random.GetItems(["#1", "#", "#metoo"], 1)[0]);
        return string.Join(' ', words);
    }

    private static string WithPlaceholder(string line, Random random)
    {
        if (IsFact(line))
        {
            var valueStart = line.IndexOf(":**", StringComparison.Ordinal) + 4;
            return valueStart <= line.Length ? line[..valueStart] + "[[" + line[valueStart..] + "]]" : line + " [[…]]";
        }

        var words = line.Split(' ').ToList();
        words.Insert(random.Next(0, words.Count + 1), "[[Write this part]]");
        return string.Join(' ', words);
    }

    // A fact of the article's kind, with a good value, after the prose of an entry (not the intro) that has prose, as its own list or
    // its own paragraph.
    private static int? AddStrayFact(List<string> lines, IReadOnlyList<FactDefinition> facts, Random random)
    {
        var ends = Indexes(lines, index => lines[index].StartsWith("## ", StringComparison.Ordinal) && index > 1 && lines[index - 1].Length == 0
            && lines[index - 2].Length > 0 && char.IsLetter(lines[index - 2][0]) && Headings(lines)[0] < index);
        if (ends.Count == 0)
        {
            return null;
        }

        var index = ends[random.Next(ends.Count)];
        var fact = facts[random.Next(facts.Count)];
        var value = fact.Type switch
        {
            FactType.Year or FactType.Years => "1999",
            FactType.Number => "120",
            FactType.Url or FactType.Links => "https://www.impalamusic.org",
            FactType.Country or FactType.Countries => "Belgium",
            _ => "Stray value",
        };
        lines.InsertRange(index, [random.Next(2) == 0 ? $"- **{fact.Key}:** {value}" : $"**{fact.Key}:** {value}", ""]);
        return index + 1;
    }
}
