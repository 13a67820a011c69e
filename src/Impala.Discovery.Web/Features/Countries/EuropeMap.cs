using Impala.Discovery.Web.Content;


namespace Impala.Discovery.Web.Features.Countries;

/// <summary>
/// A tile map of Europe: one square per country, roughly where it lies, shaded by how many entries it has.
/// Drawn as SVG on the server, so it needs no script and no map data; the list beside it is its text alternative.
/// </summary>
public sealed record EuropeMap(IReadOnlyList<EuropeMapTile> Tiles, string? Highlighted)
{
    public const int TileSize = 56;
    public const int Gap = 4;

    public int Width => (Tiles.Max(tile => tile.Country.MapColumn) + 1) * (TileSize + Gap);

    public int Height => (Tiles.Max(tile => tile.Country.MapRow) + 1) * (TileSize + Gap);

    public static EuropeMap For(IReadOnlyList<CountrySummary> countries, string? highlighted = null)
    {
        var counts = countries.ToDictionary(summary => summary.Country.Slug, summary => summary.Total);
        var most = Math.Max(1, counts.Values.DefaultIfEmpty(0).Max());
        var tiles = KnownCountries.All
            .Select(country => new EuropeMapTile(country, counts.GetValueOrDefault(country.Slug), counts.GetValueOrDefault(country.Slug) / (double)most))
            .ToList();
        return new EuropeMap(tiles, highlighted);
    }
}
