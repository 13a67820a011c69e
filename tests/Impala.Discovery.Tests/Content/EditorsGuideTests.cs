using System.Text.RegularExpressions;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Editors read content/README.md, not the code: section 9 must explain every message the importer can give them.
/// This reads the messages out of the source, so a new message without its row in the guide fails here.
/// </summary>
public sealed partial class EditorsGuideTests
{
    private static readonly string Repository = Path.GetDirectoryName(LiveContent.Path)!;

    // Output of the command-line tools, explained in section 10 beside the commands, not in the table of messages.
    private static readonly string[] NotImportMessages = ["ContentCheck.cs", "NewArticle.cs"];

    private const int OpeningWords = 6;

    [Fact]
    public void SectionNine_ExplainsEveryMessageTheContentCodeCanGive()
    {
        var guide = Normalise(SectionNine());
        var messages = MessagesInSource().ToList();

        var missing = messages.Where(message => !guide.Contains(Normalise(message.Opening), StringComparison.Ordinal))
            .Select(message => $"{message.File}: \"{message.Opening}\"")
            .ToList();

        Assert.True(messages.Count > 50, "the scan should find the content code's messages");
        Assert.True(missing.Count == 0, "content/README.md section 9 does not explain:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheScan_FindsAMessageKnownToBeInTheCode()
    {
        Assert.Contains(MessagesInSource(), message => message.Opening.StartsWith("The file is empty", StringComparison.Ordinal));
    }

    private static string SectionNine()
    {
        var guide = File.ReadAllText(Path.Combine(LiveContent.Path, "README.md"));
        var start = guide.IndexOf("\n## 9.", StringComparison.Ordinal);
        var end = guide.IndexOf("\n## 10.", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "content/README.md should have sections 9 and 10");
        return guide[start..end];
    }

    /// <summary>
    /// Each message's opening: the first words of the first run of three or more words of its first string, between
    /// the values put into it. The guide quotes openings and shortens the rest with '…'; later strings of a message,
    /// joined with '+', carry the fix, which the guide may word differently.
    /// </summary>
    private static IEnumerable<(string File, string Opening)> MessagesInSource()
    {
        var folder = Path.Combine(Repository, "src", "Impala.Discovery.Web", "Content");
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (NotImportMessages.Contains(name))
            {
                continue;
            }

            var code = LineComment().Replace(File.ReadAllText(path), "");
            foreach (Match literal in StringLiteral().Matches(code))
            {
                var text = literal.Groups["text"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
                var continuation = literal.Groups["before"].Value == "+";
                if (continuation || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4 || !char.IsUpper(text.TrimStart('\'', '{')[0]))
                {
                    continue;
                }

                // Log templates name their values like {File}; plain strings are otherwise taken as they are ('{' is text).
                var parts = (literal.Groups["interpolated"].Success ? Hole() : LogTemplateHole()).Split(text);
                var words = parts.Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .FirstOrDefault(part => part.Length >= 3);
                if (words is not null)
                {
                    yield return (name, string.Join(' ', words.Take(OpeningWords)).Trim('\'', '.', ',', ';', ':', '('));
                }
            }
        }
    }

    private static string Normalise(string text) =>
        Whitespace().Replace(text.Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal), " ");

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"(?<before>\S)\s*(?<interpolated>\$)?""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{\{|\}\}|\{(?:[^{}]|\{[^{}]*\})*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\{[A-Z]\w*(?::[^{}]*)?\}")]
    private static partial Regex LogTemplateHole();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
