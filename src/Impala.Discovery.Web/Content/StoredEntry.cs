using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>What the store holds of one entry: enough to tell, at the next import, where its addresses went.</summary>
public sealed record StoredEntry(string Kind, string Slug, int Rank, IReadOnlyList<string> Aliases)
{
    public string Path => SitePaths.Entry(Kind, Slug);

    /// <summary>Its address and every former address that redirects to it.</summary>
    public IEnumerable<string> Paths => Aliases.Prepend(Slug).Select(slug => SitePaths.Entry(Kind, slug));
}
