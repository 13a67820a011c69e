namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>The text of a content file as the parsers read it: no byte order mark, every line ended by '\n'.</summary>
public static class SourceText
{
    /// <summary>
    /// Drops a leading byte order mark and turns CRLF and lone CR into LF, as Markdig and YamlDotNet would count
    /// them, so that line numbers agree everywhere and Markdig's front matter starts at the first character.
    /// </summary>
    public static string Normalise(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
