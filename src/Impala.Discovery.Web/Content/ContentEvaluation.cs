using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// What the content folder says, weighed against what was served before: the kinds and removal records in force,
/// the plan (null when no kinds.yml was ever readable), every error and warning, and the good pictures.
/// </summary>
/// <param name="Kinds">The catalogue articles were checked against: the file's, or its last good version; null when neither exists.</param>
/// <param name="KindsRead">True when kinds.yml was read as it is on disk.</param>
/// <param name="Removals">The removal records in force: the file's, or its last good version.</param>
/// <param name="RemovalsRead">True when removed.yml was read as it is on disk (so its records replace the store's).</param>
/// <param name="Plan">What to write; null when nothing can be checked.</param>
/// <param name="Errors">Every error, of every file.</param>
/// <param name="Warnings">Problems that refuse nothing.</param>
/// <param name="Pictures">Every good picture a file or kind names, by file name.</param>
/// <param name="PicturesToKeep">The good pictures of articles that parsed and of kinds: the import records where their renditions are made from.</param>
/// <param name="FilesChecked">Article files looked at, readable or not.</param>
public sealed record ContentEvaluation(
    KindsSource? Kinds,
    bool KindsRead,
    RemovalsSource Removals,
    bool RemovalsRead,
    ImportPlan? Plan,
    IReadOnlyList<ContentError> Errors,
    IReadOnlyList<ContentError> Warnings,
    IReadOnlyDictionary<string, CheckedPicture> Pictures,
    IReadOnlyDictionary<string, CheckedPicture> PicturesToKeep,
    int FilesChecked)
{
    /// <summary>
    /// content/places.yml as read (the search's other names of places), as text that changes whenever the names do;
    /// null when it could not be read (the search keeps its last good list).
    /// </summary>
    public string? PlaceNames { get; init; }

    /// <summary>
    /// True when removed.yml could not be read and the store knew no last good version of it, so that its newest committed
    /// version that reads well is in force (see <see cref="LastGoodFromHistory"/>): its records go to the store.
    /// </summary>
    public bool RemovalsFromHistory { get; init; }

    /// <summary>What only the store remembers of addresses, once the plan is applied; see <see cref="UnrecordedAddress"/>.</summary>
    public IReadOnlyList<UnrecordedAddress> Unrecorded { get; init; } = [];

    /// <summary>
    /// When the files held back as possibly still being written (<see cref="ImportPlan.Held"/>) will have been still
    /// long enough to be imported, by the file system's clock; null when none is held.
    /// </summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>
    /// Refused files whose last good version was not looked for in the history yet (see
    /// <see cref="LastGoodFromHistory.CommitsEvaluated"/>): the next evaluation goes on where this one stopped.
    /// </summary>
    public int NotLookedUpInHistory { get; init; }

    /// <summary>
    /// How many article files the read found, readable or not: none, while the store serves articles, means the folder
    /// was being deleted, replaced or emptied as it was read (see <see cref="ContentImporter"/>).
    /// </summary>
    public int ArticleFilesSeen { get; init; }

    public IReadOnlyList<FileOutcome> Files => Plan?.Files ?? [];

    /// <summary>
    /// The pictures last good versions from the history show, as their commits held them (see
    /// <see cref="ParsedFile.PicturesThen"/>): the import records where their renditions are made from too.
    /// </summary>
    public IReadOnlyList<(string File, CheckedPicture Picture)> PicturesFromHistory =>
        Plan?.Write.SelectMany(file => file.PicturesThen ?? new Dictionary<string, CheckedPicture>()).Select(pair => (pair.Key, pair.Value)).ToList() ?? [];
}
