namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// One address the content answers: a page (<see cref="RedirectsTo"/> and <see cref="Gone"/> unset), a redirect of an
/// alias, or a removal record. <see cref="File"/> and <see cref="Line"/> say which content line makes it answer.
/// </summary>
public sealed record PublishedAddress(string Path, string File, int Line)
{
    public string? RedirectsTo { get; init; }

    public bool Gone { get; init; }

    /// <summary>For an entry's address: its kind, its name and its place in the article, to find what became of it.</summary>
    public string? EntryKind { get; init; }

    public string? EntryName { get; init; }

    public int EntryRank { get; init; }
}
