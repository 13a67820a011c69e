using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// What an evaluation weighs the content against: what a store serves now and the last good versions of the files
/// that stand in when they cannot be read. <see cref="None"/> is a new site, which is how <c>check</c> evaluates.
/// </summary>
/// <param name="Articles">The articles served now, by file.</param>
/// <param name="FormerAddresses">The store's own memory of addresses that left (path → where they redirect, null: gone).</param>
/// <param name="LastGoodKinds">kinds.yml as last read well, used while the file on disk cannot be read.</param>
/// <param name="LastGoodRemovals">removed.yml as last read well, used while the file on disk cannot be read.</param>
public sealed record PreviousContent(
    IReadOnlyDictionary<string, StoredArticle> Articles,
    IReadOnlyDictionary<string, string?> FormerAddresses,
    KindsSource? LastGoodKinds,
    RemovalsSource? LastGoodRemovals)
{
    public static PreviousContent None { get; } = new(
        new Dictionary<string, StoredArticle>(StringComparer.Ordinal), new Dictionary<string, string?>(StringComparer.Ordinal), null, null);

    /// <summary>
    /// Files the store refused to write in this import's first attempt, with why: planned again as refused files, so
    /// that their last good versions stay and every other file goes in.
    /// </summary>
    public IReadOnlyDictionary<string, ContentError> StoreRefused { get; init; } = new Dictionary<string, ContentError>(StringComparer.Ordinal);

    /// <summary>
    /// What a site built from <paramref name="published"/> would serve: <c>check --base</c> weighs the working content
    /// against the base revision as the live import weighs it against its store, so both blame the same file.
    /// </summary>
    public static PreviousContent From(ContentEvaluation published)
    {
        var articles = (published.Plan?.Write ?? []).Where(file => file.Article is not null).ToDictionary(
            file => file.File,
            file => new StoredArticle(file.File, file.Article!.Slug, file.Fingerprint,
                file.Article.Entries.Select(entry => new StoredEntry(file.Article.Kind, entry.Slug, entry.Rank, entry.Aliases)).ToList(),
                file.Article.Entries.SelectMany(entry => entry.Countries).Select(country => country.Slug).Distinct().ToList(),
                file.Article.Aliases, file.Article.Published, file.Article.LinkPaths.ToList()),
            StringComparer.Ordinal);
        return new(articles, new Dictionary<string, string?>(StringComparer.Ordinal), published.Kinds, published.Removals);
    }
}
