namespace Impala.Discovery.Web.Content;

/// <summary>
/// What one import changes in the store, decided before anything is written: the articles to write (new or changed),
/// the files whose articles leave the store, every error found, warnings (problems that refuse nothing) and the addresses that leave the site. Refused files are in neither list, so their last
/// good version stays.
/// </summary>
public sealed record ImportPlan(
    KindCatalog Kinds,
    IReadOnlyList<ParsedFile> Write,
    IReadOnlyList<string> Remove,
    IReadOnlyList<ContentError> Errors,
    IReadOnlyList<ContentError> Warnings,
    DateOnly? NextScheduledPublication,
    IReadOnlyList<FileOutcome> Files,
    IReadOnlyList<AddressChange> AddressChanges)
{
    /// <summary>
    /// Files changed moments ago whose new version takes addresses off the site: their last version stays until they
    /// have been still for a while (see <see cref="ImportPlanner"/>), so an import must follow then.
    /// </summary>
    public IReadOnlyList<string> Held { get; init; } = [];

    /// <summary>
    /// Entry addresses that refused files' last good versions give up, by file, since the history gives them to an
    /// article due now (see <see cref="CrossArticleChecker"/>): the store drops them from those versions.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Yielded { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
