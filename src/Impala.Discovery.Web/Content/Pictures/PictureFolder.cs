using System.Collections.Concurrent;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The pictures under <c>content/images/</c>, read as defensively as articles: only regular files inside the content
/// folder (no link out of it, no pipe or device), at most <see cref="PictureRules.MaxBytes"/>, then decoded and
/// checked by <see cref="PictureCodec"/>. What a file gave is kept by its size and time, so an import reads and
/// decodes only the pictures that changed. Pictures are checked on every core at once, so the memory is shared safely.
/// </summary>
public sealed class PictureFolder(string root)
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime Changed, CheckedPicture? Picture, string? Error)> _checked = new(StringComparer.Ordinal);

    // The pictures folder _checked came from (see ContentFolder's _lastReadFrom: a release swapped in under its path).
    private FolderIdentity? _checkedFrom;

    /// <summary>
    /// Forgets what was checked when another folder is now under the pictures folder's path: a release swapped in, whose
    /// pictures may have the same names, sizes and times as the last one's. Called before each evaluation checks any.
    /// </summary>
    public void ForgetIfSwapped()
    {
        var now = FolderIdentity.Of(Path.Combine(root, PictureRules.Folder));
        if (now != _checkedFrom)
        {
            _checked.Clear();
            _checkedFrom = now;
        }
    }

    /// <summary>The picture a name such as "images/ninja-tune.jpg" names, or what is wrong with it.</summary>
    public (CheckedPicture? Picture, string? Error) Check(string name)
    {
        var (info, problem) = Locate(name);
        if (info is null)
        {
            return (null, problem);
        }

        if (_checked.TryGetValue(name, out var known) && (known.Length, known.Changed) == (info.Length, info.LastWriteTimeUtc))
        {
            return (known.Picture, known.Error);
        }

        var (bytes, readProblem) = Read(info);
        var (picture, error) = bytes is null ? (null, readProblem) : PictureCodec.Check(bytes);
        picture = picture is null ? null : picture with { GitBlob = PictureCodec.GitBlobOf(bytes!) };
        if (ContentFolder.IsSettled(info.LastWriteTimeUtc))
        {
            _checked[name] = (info.Length, info.LastWriteTimeUtc, picture, error);
        }

        return (picture, error);
    }

    /// <summary>
    /// The watcher saw this file change: it is read and checked again whatever its size and time. A picture copied over
    /// another with both kept (`cp -p`, `rsync -t`, tar) looked unchanged, so its page kept the old picture's address,
    /// whose renditions then answered 404 (found by sweep 8).
    /// </summary>
    public void Changed(string fullPath) =>
        _checked.TryRemove(Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/'), out _);

    /// <summary>The bytes of a checked picture, or null when the file has changed since (the next import checks it again).</summary>
    public byte[]? ReadChecked(string name, CheckedPicture picture)
    {
        var (info, _) = Locate(name);
        var bytes = info is null ? null : Read(info).Bytes;
        return bytes is not null && PictureCodec.HashOf(bytes) == picture.Hash ? bytes : null;
    }

    // Whatever the file system answers (a link that loops, or leads through more links than it follows, a folder the
    // site may not read) is this picture's error, on the line that names it: thrown, it failed every import, so no
    // later edit of any file was taken (found by sweep 8).
    private (FileInfo? Info, string? Problem) Locate(string name)
    {
        try
        {
            return LocateOrThrow(name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"'{name}' cannot be read ({exception.Message}). If it is a link, copy the picture itself to content/{PictureRules.Folder}/ instead.");
        }
    }

    private (FileInfo? Info, string? Problem) LocateOrThrow(string name)
    {
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!ContentFileReader.IsInside(path, root))
        {
            return (null, $"'{name}' is not inside the content folder.");
        }

        // A folder on the way that is a link could lead anywhere on the machine.
        for (var folder = Path.GetDirectoryName(path); folder is not null && ContentFileReader.IsInside(folder, root); folder = Path.GetDirectoryName(folder))
        {
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                return (null, $"The folder '{Path.GetRelativePath(root, folder)}' is a link. Put the pictures themselves in content/{PictureRules.Folder}/.");
            }
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not FileInfo { Exists: true } file || !ContentFileReader.IsInside(file.FullName, root))
            {
                return (null, $"'{name}' is a link to '{info.LinkTarget}', which is not a picture inside the content folder. Copy the picture itself here.");
            }

            info = file;
        }

        if (!info.Exists)
        {
            var near = Suggestions.DidYouMean(Path.GetFileName(name), SiblingNames(info.DirectoryName));
            return (null, $"There is no picture '{name}' in the content folder. {near}Add the file to content/{PictureRules.Folder}/, or correct the name (it is case-sensitive).");
        }

        // Pipes, devices and sockets report no length: they are never opened.
        if (info.Length == 0)
        {
            return (null, $"'{name}' is empty (or is not a regular file). Copy the picture again.");
        }

        return info.Length > PictureRules.MaxBytes ? (null, PictureCodec.TooLarge(info.Length)) : (info, null);
    }

    private static (byte[]? Bytes, string? Problem) Read(FileInfo info)
    {
        try
        {
            var bytes = ContentFileReader.ReadAtMost(info.FullName, (int)PictureRules.MaxBytes + 1);
            return bytes.LongLength > PictureRules.MaxBytes ? (null, PictureCodec.TooLarge(bytes.LongLength)) : (bytes, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, $"The picture could not be read ({exception.Message}). If it was being copied, this clears at the next change; "
                + "otherwise check that the site may read it.");
        }
    }

    private static List<string> SiblingNames(string? folder) =>
        folder is not null && Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Take(500).ToList() : [];
}
