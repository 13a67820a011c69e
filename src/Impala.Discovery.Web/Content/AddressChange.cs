namespace Impala.Discovery.Web.Content;

/// <summary>
/// An address that an import takes off the site: it moves to <paramref name="MovedTo"/> (an entry renamed in its
/// article), or is gone when that is null. <paramref name="File"/> and <paramref name="Line"/> say where the change was made.
/// </summary>
public sealed record AddressChange(string Path, string? MovedTo, string File, int Line)
{
    /// <summary>An entry renamed in its own article, which the editor should hear about: the redirect lives only in the store.</summary>
    public bool IsEntryRename { get; init; }
}
