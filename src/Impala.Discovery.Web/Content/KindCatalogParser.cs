using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Parsing;
using Impala.Discovery.Web.Content.Pictures;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>Reads <c>content/kinds.yml</c>: the kinds an article may declare and each kind's facts schema.</summary>
public static partial class KindCatalogParser
{
    /// <summary>Every entry may carry these, whatever its kind.</summary>
    public static readonly IReadOnlyList<string> CommonFactKeys = ["Slug", "Aliases", .. EntryReader.PictureFactKeys];

    private const string DefaultColour = "#475569";
    private static readonly string[] KindKeys = ["key", "singular", "plural", "colour", "intro", "facts", "caption", "members", "artist_type", .. PictureKeys.Keys];
    private static readonly string[] FactKeys = ["key", "type", "required"];
    private static readonly string[] TypeNames = Enum.GetNames<FactType>().Select(name => name.ToLowerInvariant()).ToArray();

    public static ParseResult<KindCatalog> Parse(string file, string yaml)
    {
        var text = SourceText.Normalise(yaml);
        if (BidiControls.Find(file, text.Split('\n')) is { Count: > 0 } controls)
        {
            // A kind's names are shown on every page of its entries.
            return ParseResult<KindCatalog>.Failure(controls);
        }

        var reader = new YamlDocument(file, 1);
        var root = reader.LoadMapping(text, ParserLimits.MaxKindsFileBytes, "kinds.yml");
        if (root is null)
        {
            return ParseResult<KindCatalog>.Failure(reader.Errors);
        }

        if (YamlDocument.Node(root, "kinds") is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            reader.Errors.Add(new(file, 1, 1, "Expected a list named 'kinds:' with at least one kind. See content/README.md for an example."));
            return ParseResult<KindCatalog>.Failure(reader.Errors);
        }

        var kinds = new List<KindDefinition>();
        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode mapping)
            {
                reader.Error(node, "Each kind is a block of 'key: value' lines starting with '- key:'.");
                continue;
            }

            if (ReadKind(reader, mapping) is { } kind)
            {
                if (kinds.Any(other => string.Equals(other.Key, kind.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    reader.Error(mapping, $"The kind '{kind.Key}' is declared twice. Remove one of them or give it another key.");
                    continue;
                }

                kinds.Add(kind);
            }
        }

        return reader.Errors.Count == 0
            ? ParseResult<KindCatalog>.Success(new KindCatalog(kinds))
            : ParseResult<KindCatalog>.Failure(reader.Errors);
    }

    private static KindDefinition? ReadKind(YamlDocument reader, YamlMappingNode mapping)
    {
        reader.RejectUnknownKeys(mapping, KindKeys, "a kind");
        var key = YamlDocument.Scalar(mapping, "key");
        if (string.IsNullOrWhiteSpace(key) || !Slug.IsValid(key))
        {
            reader.Error(mapping, $"A kind needs a 'key' in lower case letters, digits and hyphens, such as 'managers'{(key is null ? "" : $" (found '{key}')")}.");
            return null;
        }

        if (SitePaths.ReservedSegments.Contains(key))
        {
            reader.Error(mapping, $"'{key}' is a page of the site already; choose another key for this kind.");
            return null;
        }

        var singular = YamlDocument.Scalar(mapping, "singular");
        var plural = YamlDocument.Scalar(mapping, "plural");
        if (string.IsNullOrWhiteSpace(singular) || string.IsNullOrWhiteSpace(plural))
        {
            reader.Error(mapping, $"The kind '{key}' needs 'singular' and 'plural' names, such as 'singular: Manager' and 'plural: Managers'.");
            return null;
        }

        if (Math.Max(singular.Trim().Length, plural.Trim().Length) > ParserLimits.MaxKindNameLength)
        {
            reader.Error(mapping, $"The names of the kind '{key}' may have at most {ParserLimits.Number(ParserLimits.MaxKindNameLength)} characters "
                + "each, since they are drawn on cards. Keep them to a word or two, such as 'singular: Manager' and 'plural: Managers'.");
            return null;
        }

        if (YamlDocument.Scalar(mapping, "intro")?.Trim() is { Length: > ParserLimits.MaxSummaryLength } intro)
        {
            reader.Error(YamlDocument.Node(mapping, "intro")!, $"The intro of the kind '{key}' is {ParserLimits.Number(intro.Length)} characters "
                + $"long; the site reads at most {ParserLimits.Number(ParserLimits.MaxSummaryLength)}, since it is drawn on cards. Keep it to one sentence.");
            return null;
        }

        if (YamlDocument.Scalar(mapping, "intro") is { } introText && DrawnText.WordError(introText, $"the intro of '{key}'") is { } longWord)
        {
            reader.Error(YamlDocument.Node(mapping, "intro")!, longWord);
            return null;
        }

        if (YamlDocument.Node(mapping, "facts") is not YamlSequenceNode factNodes || factNodes.Children.Count == 0)
        {
            reader.Error(mapping, $"The kind '{key}' needs a 'facts' list, such as '- {{ key: Country, type: country, required: true }}'.");
            return null;
        }

        var facts = new List<FactDefinition>();
        foreach (var factNode in factNodes.Children)
        {
            if (ReadFact(reader, factNode, key) is { } fact)
            {
                if (facts.Any(other => string.Equals(other.Key, fact.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    reader.Error(factNode, $"The fact '{fact.Key}' appears twice in the kind '{key}'. Remove one of them.");
                    continue;
                }

                facts.Add(fact);
            }
        }

        var colour = YamlDocument.Scalar(mapping, "colour") ?? DefaultColour;
        if (!HexColour().IsMatch(colour))
        {
            reader.Error(mapping, $"The colour '{colour}' of the kind '{key}' is not a hex colour. Write it as \"#c2410c\" (with the quotes).");
            return null;
        }

        var membersText = YamlDocument.Scalar(mapping, "members") ?? "false";
        if (!bool.TryParse(membersText, out var members))
        {
            reader.Error(mapping, $"'members' of the kind '{key}' must be true or false, not '{membersText}'.");
            return null;
        }

        var artistType = YamlDocument.Scalar(mapping, "artist_type");
        if (artistType is not null && !KindDefinition.ArtistTypes.Contains(artistType))
        {
            reader.Error(YamlDocument.Node(mapping, "artist_type")!, $"'artist_type' of the kind '{key}' must be {string.Join(" or ", KindDefinition.ArtistTypes)}, not '{artistType}'.");
            return null;
        }

        return new KindDefinition(key, singular.Trim(), plural.Trim(), colour, YamlDocument.Scalar(mapping, "intro")?.Trim() ?? "", facts)
        {
            CaptionFacts = ReadCaption(reader, mapping, key, facts),
            Members = members,
            ArtistType = artistType,
            Picture = PictureKeys.Read(reader, mapping, $"the kind '{key}'"),
        };
    }

    /// <summary>
    /// The facts a card's caption shows, in order: 'caption: City, Country, Founded' (or a YAML list).
    /// Absent, a caption shows the kind's countries and its year, which suits most kinds.
    /// </summary>
    private static List<FactDefinition> ReadCaption(YamlDocument reader, YamlMappingNode mapping, string kind, List<FactDefinition> facts)
    {
        var node = YamlDocument.Node(mapping, "caption");
        var keys = node switch
        {
            null => [],
            YamlScalarNode scalar => FactValueParser.SplitList(scalar.Value ?? "").ToList(),
            YamlSequenceNode sequence => sequence.Children.Select(item => (item as YamlScalarNode)?.Value?.Trim() ?? "").ToList(),
            _ => [""],
        };

        var caption = new List<FactDefinition>();
        foreach (var captionKey in keys)
        {
            if (facts.FirstOrDefault(fact => string.Equals(fact.Key, captionKey, StringComparison.OrdinalIgnoreCase)) is { } fact)
            {
                if (fact.Type is FactType.Url or FactType.Links)
                {
                    // An address is one long word, which a card cuts a character at a time (see DrawnText).
                    reader.Error(node!, $"The caption of '{kind}' names '{fact.Key}', a web address, which cards do not show. "
                        + "Name facts such as the city, the country or a year.");
                    continue;
                }

                caption.Add(fact);
                continue;
            }

            var known = facts.Select(fact => fact.Key).ToList();
            reader.Error(node!, $"The caption of '{kind}' names '{captionKey}', which is not one of its facts. "
                + $"{Suggestions.DidYouMean(captionKey, known)}Write the facts to show, separated by commas, such as 'caption: City, Country, Founded'.");
        }

        return caption;
    }

    private static FactDefinition? ReadFact(YamlDocument reader, YamlNode node, string kind)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Error(node, $"Each fact of '{kind}' is written as '- {{ key: Name, type: text }}'.");
            return null;
        }

        reader.RejectUnknownKeys(mapping, FactKeys, $"a fact of '{kind}'");
        var key = YamlDocument.Scalar(mapping, "key")?.Trim();
        if (string.IsNullOrEmpty(key) || key.Contains(':', StringComparison.Ordinal) || key.Contains('*', StringComparison.Ordinal))
        {
            reader.Error(mapping, $"A fact of '{kind}' needs a 'key' (the label written in bold in articles), without ':' or '*'.");
            return null;
        }

        if (CommonFactKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            reader.Error(mapping, $"'{key}' is available on every kind already; remove it from the facts of '{kind}'.");
            return null;
        }

        var typeName = YamlDocument.Scalar(mapping, "type") ?? "text";
        if (!Enum.TryParse<FactType>(typeName, ignoreCase: true, out var type) || !TypeNames.Contains(typeName.ToLowerInvariant()))
        {
            reader.Error(mapping, $"Unknown type '{typeName}' for the fact '{key}'. {Suggestions.DidYouMean(typeName, TypeNames)}"
                + $"Known types: {string.Join(", ", TypeNames)}.");
            return null;
        }

        var requiredText = YamlDocument.Scalar(mapping, "required") ?? "false";
        if (!bool.TryParse(requiredText, out var required))
        {
            reader.Error(mapping, $"'required' of the fact '{key}' must be true or false, not '{requiredText}'.");
            return null;
        }

        return new FactDefinition(key, type, required);
    }

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();
}
