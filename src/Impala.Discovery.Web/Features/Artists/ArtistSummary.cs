using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Features.Artists;

/// <summary>An artist as listed on /artists: the name most entries use, and how many entries name them.</summary>
public sealed record ArtistSummary(string Slug, string Name, int EntryCount)
{
    public string Path => SitePaths.Artist(Slug);
}
