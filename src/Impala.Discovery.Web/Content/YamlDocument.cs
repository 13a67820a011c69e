using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads YAML into nodes that remember their line and column, so that every error about a value
/// can point at it. <paramref name="firstLine"/> is the file line the YAML text starts on.
/// The text is checked against <see cref="YamlBounds"/> first, and whatever YamlDotNet throws becomes an error.
/// </summary>
public sealed partial class YamlDocument(string file, int firstLine)
{
    // The text last loaded, by line, for the checks that look at what YamlDotNet dropped (comments) or stumbled on.
    private string[] _lines = [];

    public string FileName => file;

    public List<ContentError> Errors { get; } = [];

    /// <summary>The mapping at the root of <paramref name="yaml"/>, or null with the reasons in <see cref="Errors"/>.</summary>
    /// <param name="yaml">The YAML text, with '\n' line ends.</param>
    /// <param name="maxBytes">The size YamlDotNet may be given.</param>
    /// <param name="what">What the text is, for the size message: "The front matter".</param>
    public YamlMappingNode? LoadMapping(string yaml, int maxBytes, string what)
    {
        _lines = yaml.Split('\n');
        var refused = YamlBounds.Check(file, firstLine, yaml, maxBytes, what);
        if (refused.Count > 0)
        {
            Errors.AddRange(refused);
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Errors.Add(new(file, firstLine, 1, "Expected 'key: value' lines here, one per line."));
                return null;
            }

            // A value that starts with '!' is a tag to YAML, which takes the '!' and what follows it out of the text
            // ("intro: ![A38](images/a38.jpg) …" lost the picture, with no error; found replaying issue 21).
            foreach (var tagged in mapping.AllNodes.Where(node => !node.Tag.IsEmpty))
            {
                Errors.Add(new(file, LineOf(tagged), ColumnOf(tagged), $"YAML reads the '{tagged.Tag.Value}' that starts this value as a tag, and leaves it out "
                    + "of the text. Put the whole value in double quotes."));
            }

            return Errors.Count == 0 ? mapping : null;
        }
#pragma warning disable CA1031 // YamlDotNet throws more than YamlException on malformed text (InvalidOperationException on an unclosed '['); any of it is a mistake in this text.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Errors.Add(Explain(yaml, exception));
            return null;
        }
    }

    private ContentError Explain(string yaml, Exception exception)
    {
        // An unclosed bracket makes YamlDotNet stumble somewhere after it, or throw without a place at all.
        if (YamlBounds.UnclosedBracket(firstLine, yaml) is var (line, column, bracket))
        {
            var closing = bracket == '[' ? ']' : '}';
            return new(file, line, column, $"This is not valid YAML: the '{bracket}' here is never closed with '{closing}'. Close it, "
                + $"such as [first, second], or put the value in double quotes if the '{bracket}' is part of the text."
                + YamlErrorText.WithLibraryWords(exception));
        }

        if (exception is YamlException { Start.Line: > 0 } at && IndentedKey((int)at.Start.Line - 1) is { } indented)
        {
            return indented;
        }

        return exception is YamlException located
            ? new(file, firstLine + Math.Max(0, (int)located.Start.Line - 1), Math.Max(1, (int)located.Start.Column), YamlErrorText.Explain(exception))
            : new(file, firstLine, 1, YamlErrorText.Explain(exception));
    }

    /// <summary>
    /// A 'key: value' line that starts with spaces under a line that opens nothing ("kind: labels", then "  title: …"),
    /// which YAML reads as more of the value above and then stumbles on its colon: the fix is to start it at the
    /// margin, not to quote anything. Looked for on the line YamlDotNet names and the one above it.
    /// </summary>
    private ContentError? IndentedKey(int index)
    {
        for (var candidate = Math.Min(index, _lines.Length - 1); candidate >= Math.Max(1, index - 1); candidate--)
        {
            var line = _lines[candidate];
            var above = _lines.Take(candidate).LastOrDefault(text => text.Trim().Length > 0 && !text.TrimStart().StartsWith('#'));
            if (IndentedKeyLine().IsMatch(line) && above is not null && !char.IsWhiteSpace(above[0])
                && !above.StartsWith('-') && !above.TrimEnd().EndsWith(':'))
            {
                var number = firstLine + candidate;
                var key = line.Trim()[..line.Trim().IndexOf(':', StringComparison.Ordinal)];
                return new(file, number, 1, $"Line {number} starts with spaces, so YAML reads it as more of the value on the line above. "
                    + $"Start '{key}:' at the beginning of the line. Write it as '{line.Trim()}'.");
            }
        }

        return null;
    }

    /// <summary>
    /// Refuses a plain value followed by ' #…' on its line, which YAML reads as a comment so that the value silently
    /// ends before it ("title: Our #1 labels" publishes "Our"). Refused when the '#' is glued to what follows it ("#1"),
    /// or whatever follows it when the key holds free text (<paramref name="textKeys"/>); a comment such as
    /// "kind: labels   # one of kinds.yml" on another key is left alone.
    /// </summary>
    public void RejectValuesCutByComments(YamlMappingNode mapping, IReadOnlyCollection<string> textKeys)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } || valueNode is not YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value } scalar
                || scalar.End.Line < 1 || scalar.End.Line > _lines.Length)
            {
                continue;
            }

            var line = _lines[(int)scalar.End.Line - 1];
            var after = line[Math.Min(line.Length, (int)scalar.End.Column - 1)..];
            var comment = after.Trim();
            var glued = comment.Length > 1 && !char.IsWhiteSpace(comment[1]);
            if (!comment.StartsWith('#') || !(glued || textKeys.Contains(key)))
            {
                continue;
            }

            var number = firstLine + (int)scalar.End.Line - 1;
            var fix = scalar.Start.Line == scalar.End.Line ? $" Write it as '{key}: {DoubleQuoted(value + after.TrimEnd())}'." : "";
            Errors.Add(new(file, number, line.IndexOf('#', (int)scalar.End.Column - 1) + 1,
                $"The value of '{key}' stops at the '#' on line {number}: YAML reads '{comment}' as a comment, so '{key}' would be '{value}'. "
                + "Put the whole value in double quotes." + fix));
        }
    }

    /// <summary>The value in double quotes, as YAML reads it back unchanged.</summary>
    public static string DoubleQuoted(string value) =>
        $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    public void Error(YamlNode node, string message) => Errors.Add(new(file, LineOf(node), ColumnOf(node), message));

    public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

    public int ColumnOf(YamlNode node) => (int)node.Start.Column;

    public static string? Scalar(YamlMappingNode mapping, string key) =>
        Node(mapping, key) is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlNode? Node(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode name && name.Value == key).Value;

    /// <summary>Flags keys that are not in <paramref name="known"/>, suggesting the nearest known one.</summary>
    public void RejectUnknownKeys(YamlMappingNode mapping, IReadOnlyCollection<string> known, string where)
    {
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!known.Contains(key.Value ?? ""))
            {
                Error(key, $"Unknown key '{key.Value}' in {where}. {Suggestions.DidYouMean(key.Value ?? "", known)}"
                    + $"Known keys: {string.Join(", ", known)}.");
            }
        }
    }

    [GeneratedRegex(@"^ +[A-Za-z_][\w ]*:(\s|$)")]
    private static partial Regex IndentedKeyLine();
}
