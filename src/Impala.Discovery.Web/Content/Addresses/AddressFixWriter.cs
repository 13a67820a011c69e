using System.Text.RegularExpressions;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// <c>check --fix</c>: writes the lines that keep dropped addresses answering into the content files, as an editor
/// would type them: an alias into the entry's facts or the article's front matter, a record into removed.yml.
/// </summary>
public static partial class AddressFixWriter
{
    /// <returns>One line per fix written, saying where.</returns>
    public static List<string> Apply(string contentRoot, IEnumerable<AddressFix> fixes)
    {
        var done = new List<string>();
        // Bottom-up within a file, so that an inserted line does not move the next fix's line.
        foreach (var fix in fixes.Distinct().OrderBy(fix => fix.File, StringComparer.Ordinal).ThenByDescending(fix => fix.Line))
        {
            var path = Path.Combine(contentRoot, fix.File);
            var lines = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList() : [];
            var line = fix.Kind switch
            {
                AddressFixKind.EntryAlias => AddEntryAlias(lines, fix.Line, fix.Value),
                AddressFixKind.ArticleAlias => AddArticleAlias(lines, fix.Value),
                _ => AddRemoval(lines, fix.Value),
            };
            File.WriteAllText(path, string.Join('\n', lines));
            done.Add($"{fix.File}:{line}: {(fix.Kind == AddressFixKind.Removal ? $"recorded the removal of {fix.Value} (give it a better reason)" : $"added the alias {fix.Value}")}");
        }

        return done;
    }

    private static int AddEntryAlias(List<string> lines, int headingLine, string slug)
    {
        var facts = Enumerable.Range(headingLine, Math.Max(0, lines.Count - headingLine))
            .SkipWhile(index => lines[index].Trim().Length == 0)
            .TakeWhile(index => FactLine().IsMatch(lines[index]))
            .ToList();
        var existing = facts.FirstOrDefault(index => AliasesFact().IsMatch(lines[index]), -1);
        if (existing >= 0)
        {
            lines[existing] = lines[existing].TrimEnd() + ", " + slug;
            return existing + 1;
        }

        var at = facts.Count > 0 ? facts[^1] + 1 : headingLine;
        lines.Insert(at, $"- **Aliases:** {slug}");
        if (facts.Count == 0)
        {
            lines.Insert(at + 1, "");
        }

        return at + 1;
    }

    private static int AddArticleAlias(List<string> lines, string slug)
    {
        var end = lines.FindIndex(1, line => line.TrimEnd() == "---");
        if (lines.Count == 0 || lines[0].TrimEnd() != "---" || end < 0)
        {
            return 1;
        }

        var existing = lines.FindIndex(1, end - 1, line => line.StartsWith("aliases:", StringComparison.Ordinal));
        if (existing < 0)
        {
            lines.Insert(end, $"aliases: [{slug}]");
            return end + 1;
        }

        var value = lines[existing]["aliases:".Length..].Trim();
        if (value.StartsWith('[') && value.EndsWith(']'))
        {
            var inner = value[1..^1].Trim();
            lines[existing] = $"aliases: [{(inner.Length == 0 ? slug : inner + ", " + slug)}]";
            return existing + 1;
        }

        if (value.Length == 0)
        {
            var after = existing + 1;
            while (after < end && lines[after].TrimStart().StartsWith('-'))
            {
                after++;
            }

            lines.Insert(after, $"  - {slug}");
            return after + 1;
        }

        lines[existing] = $"aliases: [{value}, {slug}]";
        return existing + 1;
    }

    private static int AddRemoval(List<string> lines, string path)
    {
        if (lines.Count == 0 || lines.All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
        {
            lines.Clear();
            lines.AddRange(["# Addresses taken off the site for good: each answers 410 Gone with its reason (see content/README.md, section 6).", "removed:"]);
        }

        var key = lines.FindIndex(line => RemovedKey().IsMatch(line));
        if (key < 0)
        {
            lines.Add("removed:");
        }
        else
        {
            lines[key] = "removed:";
        }

        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var at = lines.Count + 1;
        lines.AddRange(RemovalRecords.RecordLines(path, RemovalRecords.DefaultReason).TrimEnd('\n').Split('\n'));
        lines.Add("");
        return at;
    }

    [GeneratedRegex(@"^\s*[-*+]\s+\*\*[^*]+:\*\*")]
    private static partial Regex FactLine();

    [GeneratedRegex(@"^\s*[-*+]\s+\*\*aliases:\*\*", RegexOptions.IgnoreCase)]
    private static partial Regex AliasesFact();

    [GeneratedRegex(@"^removed:\s*(\[\s*\])?\s*$")]
    private static partial Regex RemovedKey();
}
