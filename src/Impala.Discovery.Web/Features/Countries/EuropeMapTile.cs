using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Features.Countries;

/// <summary>One country's square on the <see cref="EuropeMap"/>; <see cref="Share"/> is its count relative to the busiest country.</summary>
public sealed record EuropeMapTile(Country Country, int Count, double Share)
{
    public int X => Country.MapColumn * (EuropeMap.TileSize + EuropeMap.Gap);

    public int Y => Country.MapRow * (EuropeMap.TileSize + EuropeMap.Gap);

    /// <summary>Shade steps 0–4, mapped to colours in the stylesheet so dark mode can restyle them.</summary>
    public int Shade => Count == 0 ? 0 : 1 + (int)Math.Round(Share * 3);
}
