using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using YamlDotNet.RepresentationModel;
using YamlDocument = Impala.Discovery.Web.Content.YamlDocument;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The other names of cities and countries, from content/places.yml (an editor extends it; no code changes), merged
/// with the country variants the importer accepts. Read again whenever the file changes; a file with a mistake is
/// logged as file:line:column with the fix, and the last good list is kept.
/// </summary>
public sealed class PlaceNames(ContentFolder content, ILogger<PlaceNames> logger)
{
    public const string FileName = "places.yml";

    // Far more than any list of places needs, and small enough for YamlDotNet to read at once.
    private const int MaxBytes = 256 * 1024;

    private readonly Lock _lock = new();
    private (DateTime Changed, long Length, PlaceDirectory Directory) _read = (DateTime.MinValue, -1, new PlaceDirectory(CountriesOnly()));

    /// <summary>Every group of names, countries first.</summary>
    public PlaceDirectory Current()
    {
        var file = new FileInfo(Path.Combine(content.Root, FileName));
        var (changed, length) = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        lock (_lock)
        {
            if ((changed, length) != (_read.Changed, _read.Length))
            {
                _read = (changed, length, file.Exists ? Read(file) is { } read ? new PlaceDirectory(read) : _read.Directory : new PlaceDirectory(CountriesOnly()));
            }

            return _read.Directory;
        }
    }

    private List<PlaceGroup>? Read(FileInfo file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName).ReplaceLineEndings("\n");
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "{File} could not be read; searches use the place names read before", FileName);
            return null;
        }

        var yaml = new YamlDocument(FileName, 1);
        var root = yaml.LoadMapping(text, MaxBytes, "The list of place names");
        var countries = new List<PlaceGroup>();
        var cities = new List<PlaceGroup>();
        if (root is not null)
        {
            yaml.RejectUnknownKeys(root, ["countries", "cities"], FileName);
            ReadSection(yaml, root, "countries", isCountry: true, countries);
            ReadSection(yaml, root, "cities", isCountry: false, cities);
        }

        foreach (var error in yaml.Errors)
        {
            logger.LogWarning("Place names: {Error}", error.ToString());
        }

        return yaml.Errors.Count > 0 ? null : Merge(countries).Concat(cities).ToList();
    }

    private static void ReadSection(YamlDocument yaml, YamlMappingNode root, string key, bool isCountry, List<PlaceGroup> groups)
    {
        switch (YamlDocument.Node(root, key))
        {
            case null:
                return;
            case YamlMappingNode section:
                foreach (var (name, others) in section.Children)
                {
                    var names = others switch
                    {
                        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(node => node.Value ?? ""),
                        YamlScalarNode scalar => (scalar.Value ?? "").Split(','),
                        _ => null,
                    };
                    if (name is not YamlScalarNode { Value: { Length: > 0 } written } || names is null)
                    {
                        yaml.Error(name, $"Write one {(isCountry ? "country" : "city")} a line: its name, a colon, then its other names in brackets, such as 'Copenhagen: [København, Kopenhagen]'.");
                        continue;
                    }

                    if (isCountry && KnownCountries.Find(written) is null)
                    {
                        yaml.Error(name, $"'{written}' is not a country the site knows. {Suggestions.DidYouMean(written, KnownCountries.KnownNames)}Use the English name the articles use.");
                        continue;
                    }

                    groups.Add(new PlaceGroup(isCountry, [written.Trim(), .. names.Select(other => other.Trim()).Where(other => other.Length > 0)]));
                }

                return;
            case var other:
                yaml.Error(other, $"'{key}' holds one line per place, such as '  Copenhagen: [København, Kopenhagen]' on the next line.");
                return;
        }
    }

    private static List<PlaceGroup> CountriesOnly() => Merge([]);

    // Each country once, named as the site names it, with the importer's variants and the file's.
    private static List<PlaceGroup> Merge(List<PlaceGroup> fromFile) =>
        KnownCountries.All.Select(country => new PlaceGroup(true,
            [country.Name, .. country.Variants, .. fromFile.Where(group => KnownCountries.Find(group.Names[0]) == country).SelectMany(group => group.Names)]))
            .Select(group => group with { Names = group.Names.DistinctBy(SearchText.Compact).ToList() })
            .ToList();
}
