namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>
/// Attribute values in HTML that people read and paste (snippets, the oEmbed iframe): only the characters that could
/// end or break the value are written as references, so "IMPALA's" and "VTMÖ" stay as they are.
/// </summary>
public static class AttributeText
{
    public static string Encode(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
