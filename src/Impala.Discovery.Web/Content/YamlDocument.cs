using Impala.Discovery.Web.Content.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads YAML into nodes that remember their line and column, so that every error about a value
/// can point at it. <paramref name="firstLine"/> is the file line the YAML text starts on.
/// The text is checked against <see cref="YamlBounds"/> first, and whatever YamlDotNet throws becomes an error.
/// </summary>
public sealed class YamlDocument(string file, int firstLine)
{
    public string FileName => file;

    public List<ContentError> Errors { get; } = [];

    /// <summary>The mapping at the root of <paramref name="yaml"/>, or null with the reasons in <see cref="Errors"/>.</summary>
    /// <param name="yaml">The YAML text, with '\n' line ends.</param>
    /// <param name="maxBytes">The size YamlDotNet may be given.</param>
    /// <param name="what">What the text is, for the size message: "The front matter".</param>
    public YamlMappingNode? LoadMapping(string yaml, int maxBytes, string what)
    {
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

            return mapping;
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
                + $"such as aliases: [old-name, older-name], or put the value in double quotes if the '{bracket}' is part of the text. "
                + $"(YAML library: {YamlErrorText.LibraryWords(exception)})");
        }

        return exception is YamlException located
            ? new(file, firstLine + Math.Max(0, (int)located.Start.Line - 1), Math.Max(1, (int)located.Start.Column), YamlErrorText.Explain(exception))
            : new(file, firstLine, 1, YamlErrorText.Explain(exception));
    }

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
}
