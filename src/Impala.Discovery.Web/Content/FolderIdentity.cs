namespace Impala.Discovery.Web.Content;

/// <summary>
/// Tells one folder from another folder later found under the same path: where a symlink leads, and when the folder
/// was made (a copy renamed into place was made later than the folder it replaced).
/// </summary>
public sealed record FolderIdentity(string? LinkTarget, DateTime CreatedUtc)
{
    /// <summary>The identity of the folder at <paramref name="path"/>, or null when there is none.</summary>
    public static FolderIdentity? Of(string path)
    {
        var folder = new DirectoryInfo(path);
        return folder.Exists ? new FolderIdentity(folder.LinkTarget, folder.CreationTimeUtc) : null;
    }
}
