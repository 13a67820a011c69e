using Impala.Discovery.Web.Content.Addresses;
namespace Impala.Discovery.Web.Features.Artists;

/// <summary>Another artist, as a link to their page.</summary>
public sealed record ArtistLink(string Slug, string Name)
{
    public string Path => SitePaths.Artist(Slug);
}
