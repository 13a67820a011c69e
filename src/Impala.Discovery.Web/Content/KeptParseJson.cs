using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// A parsed article as JSON, for <see cref="Data.KeptParse"/>. Computed properties (addresses, countries) are left out
/// and worked out again from the rest when read. Generated at build time: a restart reads hundreds of these before the
/// JIT has warmed up.
/// </summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(ParsedArticle))]
public sealed partial class KeptParseJson : JsonSerializerContext
{
    /// <summary>This build of the site: a parse kept by another build is not trusted, since its parser may differ.</summary>
    public static string Build { get; } = typeof(ParsedArticle).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public static string Write(ParsedArticle article) => JsonSerializer.Serialize(article, Default.ParsedArticle);

    /// <summary>The article, or null when the text is not one (then the file is simply parsed again).</summary>
    public static ParsedArticle? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Default.ParsedArticle);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
