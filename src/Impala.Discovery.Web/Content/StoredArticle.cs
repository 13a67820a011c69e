using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>What the store holds of an article already: enough to keep serving it, and to check links against it.</summary>
public sealed record StoredArticle(
    string File, string Slug, string Hash, IReadOnlyList<StoredEntry> Entries, IReadOnlyList<string> CountrySlugs, IReadOnlyList<string> Aliases,
    DateOnly Published, IReadOnlyList<string> LinkPaths)
{
    public IReadOnlyList<string> EntryPaths { get; } = Entries.SelectMany(entry => entry.Paths).ToList();

    /// <summary>Its address and its former addresses under /series.</summary>
    public IEnumerable<string> Paths => Aliases.Prepend(Slug).Select(SitePaths.Article);

    /// <summary>
    /// The hash of a last good version that gave addresses up (see <see cref="ContentStore"/>): no file's, so that its
    /// file is taken as changed at the next import, and written in full once it is accepted again.
    /// </summary>
    public static string YieldedHash(string hash) => hash.EndsWith(YieldedMark, StringComparison.Ordinal) ? hash : hash + YieldedMark;

    private const string YieldedMark = " yielded";

    /// <summary>
    /// The hash of a last good version taken from the history (see <see cref="LastGoodFromHistory"/>): no file's, so
    /// that its file is taken as changed at the next import, and written in full once it is accepted.
    /// </summary>
    public static string FromHistoryHash(string hash, string commit) => $"{hash} from {commit}";

    /// <summary>True when this last good version gave addresses up to an article the history gives them to.</summary>
    public bool GaveAddressesUp => Hash.EndsWith(YieldedMark, StringComparison.Ordinal);

    /// <summary>
    /// What the store holds of <paramref name="file"/> once <see cref="ContentStore"/> has written it: what reading it
    /// back gives (a test holds the two together), without reading every entry's rows after each edit.
    /// </summary>
    public static StoredArticle Written(ParsedFile file, KindCatalog kinds)
    {
        var article = file.Article!;
        var kind = kinds.Find(article.Kind)!.Key;
        return new(file.File, article.Slug, file.Fingerprint,
            article.Entries.Select(entry => new StoredEntry(kind, entry.Slug, entry.Rank, entry.Aliases.Distinct().ToList())).ToList(),
            article.Entries.SelectMany(entry => entry.Countries).Select(country => country.Slug).Distinct().ToList(),
            article.Aliases.ToList(), article.Published, article.LinkPaths.ToList());
    }
}
