namespace Impala.Discovery.Web.Content;

/// <summary>
/// A country as the site names it, with its place on the tile map of Europe
/// (one square per country, placed roughly where the country lies).
/// </summary>
public sealed record Country(string Name, string Code, int MapColumn, int MapRow, params string[] Variants)
{
    public string Slug { get; } = Content.Slug.From(Name);
}
