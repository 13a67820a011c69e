using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>Every group of place names, looked up by any of its names folded and run together ("kobenhavn", "greatbritain").</summary>
public sealed class PlaceDirectory
{
    private readonly Dictionary<string, PlaceGroup> _byName = new(StringComparer.Ordinal);

    public PlaceDirectory(IReadOnlyList<PlaceGroup> groups)
    {
        Groups = groups;
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

    public PlaceGroup? Find(string written) =>
        _byName.GetValueOrDefault(SearchText.Compact(written))
        ?? (SearchText.Transliterated(written) is { } transliterated ? _byName.GetValueOrDefault(SearchText.Compact(transliterated)) : null);
}
