using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// A picture given in YAML, by an article's front matter or by a kind in kinds.yml: 'image', 'image_alt' and
/// 'image_credit'. Only how it is written is checked here; the file itself is checked at import.
/// </summary>
public static class PictureKeys
{
    public static readonly IReadOnlyList<string> Keys = ["image", "image_alt", "image_credit"];

    /// <param name="reader">The YAML being read, which collects the errors.</param>
    /// <param name="mapping">The block that may hold the keys.</param>
    /// <param name="owner">Whose picture it is, for messages: "the article", "the kind 'labels'".</param>
    public static PictureReference? Read(YamlDocument reader, YamlMappingNode mapping, string owner)
    {
        var image = YamlDocument.Node(mapping, "image");
        var alt = YamlDocument.Node(mapping, "image_alt");
        var credit = YamlDocument.Node(mapping, "image_credit");
        if (image is null)
        {
            foreach (var (key, orphan) in new[] { ("image_alt", alt), ("image_credit", credit) }.Where(pair => pair.Item2 is not null))
            {
                reader.Error(orphan!, $"'{key}' belongs to a picture, but {owner} has none. Add 'image: {PictureRules.Folder}/cover.jpg' or remove this line.");
            }

            return null;
        }

        var file = (image as YamlScalarNode)?.Value?.Trim() ?? "";
        if (PictureRules.NameError(file) is { } nameError)
        {
            reader.Error(image, nameError);
            return null;
        }

        if (alt is null)
        {
            reader.Error(image, $"The picture of {owner} has no description. Add a line 'image_alt: …' saying what it shows, for people who cannot see it.");
            return null;
        }

        var altText = (alt as YamlScalarNode)?.Value?.Trim() ?? "";
        if (PictureRules.AltError(altText) is { } altError)
        {
            reader.Error(alt, altError);
            return null;
        }

        var creditText = (credit as YamlScalarNode)?.Value?.Trim();
        return new PictureReference(file, altText, string.IsNullOrEmpty(creditText) ? null : creditText, reader.LineOf(image), reader.ColumnOf(image));
    }
}
