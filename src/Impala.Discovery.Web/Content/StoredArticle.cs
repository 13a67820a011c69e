using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>What the store holds of an article already: enough to keep serving it, and to check links against it.</summary>
public sealed record StoredArticle(
    string File, string Slug, string Hash, IReadOnlyList<StoredEntry> Entries, IReadOnlyList<string> CountrySlugs, IReadOnlyList<string> Aliases)
{
    public IReadOnlyList<string> EntryPaths { get; } = Entries.SelectMany(entry => entry.Paths).ToList();

    /// <summary>Its address and its former addresses under /series.</summary>
    public IEnumerable<string> Paths => Aliases.Prepend(Slug).Select(SitePaths.Article);
}
