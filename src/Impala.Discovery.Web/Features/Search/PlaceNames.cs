using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;
using YamlDotNet.RepresentationModel;
using YamlDocument = Impala.Discovery.Web.Content.YamlDocument;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The other names of cities and countries, from content/places.yml (an editor extends it; no code changes), merged
/// with the country variants the importer accepts. Read again whenever the file changes; a file with a mistake keeps
/// the last good list. <see cref="Read"/> is the one reading of the file: the search's, and the one <c>check</c> and
/// the live import report errors from (Content/ContentEvaluator.cs), so that they never disagree.
/// </summary>
public sealed class PlaceNames(ContentFolder content, ILogger<PlaceNames> logger)
{
    public const string FileName = "places.yml";

    // Far more than any list of places needs, and small enough for YamlDotNet to read at once.
    private const int MaxBytes = 256 * 1024;

    private readonly Lock _lock = new();
    private (DateTime Changed, long Length, PlaceDirectory Directory) _read = (DateTime.MinValue, -1, new PlaceDirectory(CountriesOnly()));

    /// <summary>
    /// Reads the file again at the next search whatever its time and size say: after every import, since a change to
    /// it starts one. A tool that restores the file's time (cp -p, tar, touch -r) left a same-size edit unread.
    /// </summary>
    public void ReadAgain()
    {
        lock (_lock)
        {
            _read = _read with { Length = -2 };
        }
    }

    /// <summary>Every group of names, countries first.</summary>
    public PlaceDirectory Current()
    {
        var file = new FileInfo(Path.Combine(content.Root, FileName));
        var (changed, length) = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        lock (_lock)
        {
            if ((changed, length) != (_read.Changed, _read.Length))
            {
                var read = Read(content.Root);
                foreach (var error in read.Errors)
                {
                    logger.LogWarning("Place names: {Error} The search keeps the place names it read before.", error.ToString());
                }

                _read = (changed, length, read.Succeeded ? new PlaceDirectory(read.Value!) : _read.Directory);
            }

            return _read.Directory;
        }
    }

    /// <summary>
    /// content/places.yml read and checked: every group of names, countries first (each with the importer's own
    /// variants), or every mistake as file:line:column with its fix. Without the file, the countries' own names.
    /// </summary>
    public static ParseResult<IReadOnlyList<PlaceGroup>> Read(string contentRoot)
    {
        var file = new FileInfo(Path.Combine(contentRoot, FileName));
        if (!file.Exists)
        {
            return ParseResult<IReadOnlyList<PlaceGroup>>.Success(CountriesOnly());
        }

        // Read as every content file is, never opened unchecked: a pipe under this name hung every search (they wait on
        // this reading) and every import and check (found by sweep 6), and a link to /dev/zero would fill the memory.
        ParseResult<ContentFile> read;
        try
        {
            read = ContentFileReader.Read(file.FullName, FileName, contentRoot);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ParseResult<IReadOnlyList<PlaceGroup>>.Failure([new(FileName, 1, 1, $"This file could not be read ({exception.Message}). Check that it exists and can be read, then save it again.")]);
        }

        if (!read.Succeeded)
        {
            return ParseResult<IReadOnlyList<PlaceGroup>>.Failure(read.Errors);
        }

        var text = read.Value!.Text.ReplaceLineEndings("\n");

        var yaml = new YamlDocument(FileName, 1);
        var root = yaml.LoadMapping(text, MaxBytes, "The list of place names");
        var countries = new List<PlaceGroup>();
        var cities = new List<PlaceGroup>();
        if (root is not null)
        {
            yaml.RejectUnknownKeys(root, ["countries", "cities"], FileName);
            var seen = new Dictionary<string, (string Place, int Line)>(StringComparer.Ordinal);
            ReadSection(yaml, root, "countries", isCountry: true, countries, seen);
            ReadSection(yaml, root, "cities", isCountry: false, cities, seen);
        }

        return yaml.Errors.Count > 0
            ? ParseResult<IReadOnlyList<PlaceGroup>>.Failure(yaml.Errors)
            : ParseResult<IReadOnlyList<PlaceGroup>>.Success(Merge(countries).Concat(cities).ToList());
    }

    private static void ReadSection(
        YamlDocument yaml, YamlMappingNode root, string key, bool isCountry, List<PlaceGroup> groups, Dictionary<string, (string Place, int Line)> seen)
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
                        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().SelectMany(node => Names(node, node.Value)),
                        YamlScalarNode scalar => Names(scalar, scalar.Value),
                        _ => null,
                    };
                    if (name is not YamlScalarNode { Value: { Length: > 0 } written } || names is null)
                    {
                        yaml.Error(name, $"Write one {(isCountry ? "country" : "city")} a line: its name, a colon, then its other names in brackets, such as 'Copenhagen: [København, Kopenhagen]'.");
                        continue;
                    }

                    var country = isCountry ? KnownCountries.Find(written) : null;
                    if (isCountry && country is null)
                    {
                        yaml.Error(name, $"'{written}' is not a country the site knows. {Suggestions.DidYouMean(written, KnownCountries.KnownNames)}Use the English name the articles use.");
                        continue;
                    }

                    var place = country?.Name ?? written.Trim();
                    var all = Names(name, written).Concat(names).ToList();
                    foreach (var (node, other) in all)
                    {
                        Claim(yaml, seen, node, other, place, isCountry);
                    }

                    groups.Add(new PlaceGroup(isCountry, all.Select(pair => pair.Name).Distinct(StringComparer.Ordinal).ToList()));
                }

                return;
            case var other:
                yaml.Error(other, $"'{key}' holds one line per place, such as '  Copenhagen: [København, Kopenhagen]' on the next line.");
                return;
        }
    }

    // "København, Kopenhagen" written without brackets is two names.
    private static IEnumerable<(YamlNode Node, string Name)> Names(YamlNode node, string? value) =>
        (value ?? "").Split(',').Select(name => name.Trim()).Where(name => name.Length > 0).Select(name => (node, name));

    // A name may mean one place only: the search could not know which of two to find. A country's name or variant
    // that the importer reads as another country is the same mistake.
    private static void Claim(YamlDocument yaml, Dictionary<string, (string Place, int Line)> seen, YamlNode node, string name, string place, bool isCountry)
    {
        var owner = (isCountry ? "country " : "city ") + place;
        if (isCountry && KnownCountries.Find(name) is { } known && known.Name != place)
        {
            yaml.Error(node, $"'{name}' is a name of the country {known.Name}, so it cannot also name {place}. Take it off this line.");
            return;
        }

        var line = yaml.LineOf(node);
        foreach (var form in new[] { SearchText.Compact(name), SearchText.Transliterated(name) is { } transliterated ? SearchText.Compact(transliterated) : null })
        {
            if (form is null or "")
            {
                continue;
            }

            if (seen.TryGetValue(form, out var first) && first.Place != owner)
            {
                yaml.Error(node, $"'{name}' already names the {first.Place} (line {first.Line}): a name can mean one place only, or a search for it "
                    + "could not know which to find. Keep it on one of the two lines.");
                return;
            }

            seen.TryAdd(form, (owner, line));
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
