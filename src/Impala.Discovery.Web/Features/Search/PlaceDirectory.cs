using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>Every group of place names, looked up by any of its names folded and run together ("kobenhavn", "greatbritain").</summary>
public sealed class PlaceDirectory
{
    private readonly Dictionary<string, PlaceGroup> _byName = new(StringComparer.Ordinal);

    public PlaceDirectory(IReadOnlyList<PlaceGroup> groups)
    {
        Groups = groups;
        Countries = groups.Where(group => group.IsCountry)
            .Select(group => SiteSearch.Listed(SiteSearch.CountryType, Slug.From(group.Names[0]), group.Names[0], group.Names,
                group.Names.Count > 1 ? "Also called " + string.Join(", ", group.Names.Skip(1)) + "." : ""))
            .ToList();
        foreach (var group in groups)
        {
            foreach (var name in group.Names)
            {
                // Countries come first: a name that is both a country and a city ("Luxembourg") means the country.
                _byName.TryAdd(SearchText.Compact(name), group);
                if (SearchText.Transliterated(name) is { } transliterated)
                {
                    _byName.TryAdd(SearchText.Compact(transliterated), group);
                }
            }
        }
    }

    public IReadOnlyList<PlaceGroup> Groups { get; }

    /// <summary>Every country as a search result, folded once per reading of the file rather than at every search.</summary>
    public IReadOnlyList<SearchHit> Countries { get; }

    public PlaceGroup? Find(string written) =>
        _byName.GetValueOrDefault(SearchText.Compact(written))
        ?? (SearchText.Transliterated(written) is { } transliterated ? _byName.GetValueOrDefault(SearchText.Compact(transliterated)) : null);
}
