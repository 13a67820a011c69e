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
    /// <summary>How many files the errors refuse (a file may have several errors).</summary>
    public int RefusedFiles => Errors.Select(error => error.File).Distinct().Count();
}
