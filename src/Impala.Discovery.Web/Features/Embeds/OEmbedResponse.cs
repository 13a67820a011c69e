using System.Text.Json.Serialization;

namespace Impala.Discovery.Web.Features.Embeds;

/// <summary>An oEmbed 1.0 answer of the "rich" type, with the field names the specification gives (https://oembed.com).</summary>
public sealed record OEmbedResponse(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("provider_name")] string ProviderName,
    [property: JsonPropertyName("provider_url")] string ProviderUrl,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type => "rich";

    [JsonPropertyName("version")]
    [JsonPropertyOrder(-1)]
    public string Version => "1.0";

    [JsonPropertyName("thumbnail_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThumbnailUrl { get; init; }

    [JsonPropertyName("thumbnail_width")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ThumbnailWidth { get; init; }

    [JsonPropertyName("thumbnail_height")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ThumbnailHeight { get; init; }
}
