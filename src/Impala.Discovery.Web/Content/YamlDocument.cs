using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads YAML into nodes that remember their line and column, so that every error about a value
/// can point at it. <paramref name="firstLine"/> is the file line the YAML text starts on.
/// </summary>
public sealed class YamlDocument(string file, int firstLine)
{
    public string FileName => file;

    public List<ContentError> Errors { get; } = [];

    public YamlMappingNode? LoadMapping(string yaml)
    {
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
        catch (YamlException exception)
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            Errors.Add(new(file, firstLine + (int)exception.Start.Line - 1, (int)exception.Start.Column,
                $"This is not valid YAML: {reason} Check the quotes, colons and indentation on this line; a value with a colon or '#' in it needs quotes."));
            return null;
        }
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
