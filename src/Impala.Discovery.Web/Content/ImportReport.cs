using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Content;

/// <summary>What one import did: what is now served, what was refused and why, how long it took.</summary>
public sealed record ImportReport(
    int Articles,
    int Entries,
    int ArticlesWritten,
    IReadOnlyList<ContentError> Errors,
    IReadOnlyList<ContentError> Warnings,
    long Milliseconds,
    DateOnly? NextScheduledPublication,
    IReadOnlyList<FileOutcome> Files,
    DateTimeOffset FinishedAt)
{
    /// <summary>Addresses only this instance's store remembers, with the line that records them in the content.</summary>
    public IReadOnlyList<UnrecordedAddress> Unrecorded { get; init; } = [];

    /// <summary>
    /// Articles the plan wrote again (a deploy, a kinds.yml change) whose rows this build makes exactly as the store held
    /// them: left as they were, so not counted in <see cref="ArticlesWritten"/>.
    /// </summary>
    public int ArticlesLeftAlike { get; init; }

    /// <summary>When files held back as possibly still being written are to be imported (see <see cref="ContentEvaluation.HeldUntil"/>).</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>
    /// Refused files whose last good version was not looked for in the history yet (see
    /// <see cref="ContentEvaluation.NotLookedUpInHistory"/>): another import follows at once.
    /// </summary>
    public int NotLookedUpInHistory { get; init; }

    /// <summary>
    /// How many files are refused: article files by their state (a draft with errors is a draft, not a refused file),
    /// and any other file (kinds.yml, removed.yml) that has errors.
    /// </summary>
    public int RefusedFiles
    {
        get
        {
            var articles = Files.Select(file => file.File).ToHashSet(StringComparer.Ordinal);
            return Files.Count(file => file.State == FileState.Refused)
                + Errors.Select(error => error.File).Where(file => !articles.Contains(file)).Distinct(StringComparer.Ordinal).Count();
        }
    }
}
