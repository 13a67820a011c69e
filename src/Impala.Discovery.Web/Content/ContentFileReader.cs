using System.Text;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads one content file defensively, so that nothing on disk reaches a parser unchecked: only regular files
/// (a symlink only to one inside the content folder), at most <see cref="MaxBytes"/>, valid UTF-8, and no NUL or
/// control characters. Every refusal is a <see cref="ContentError"/> that says what to do.
/// </summary>
public static class ContentFileReader
{
    /// <summary>A monthly article is 20–60 KB; anything this large is a mistake (or not an article at all).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="fullPath">Where the file is on disk.</param>
    /// <param name="displayPath">The path errors name, relative to the content folder.</param>
    /// <param name="contentRoot">The content folder: a symlink may not lead outside it.</param>
    public static ParseResult<ContentFile> Read(string fullPath, string displayPath, string contentRoot)
    {
        if (displayPath.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return Refuse(displayPath, 1, 1, "The file name is not valid UTF-8 (it was probably made on an old system). "
                + "Rename the file, using plain letters, digits and hyphens: YYYY-MM-slug.md.");
        }

        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists || target.Attributes.HasFlag(FileAttributes.Directory))
            {
                return Refuse(displayPath, 1, 1, $"This is a link to '{info.LinkTarget}', which is not a file. Replace the link with the article itself.");
            }

            if (!IsInside(target.FullName, contentRoot))
            {
                return Refuse(displayPath, 1, 1, $"This is a link to '{info.LinkTarget}', outside the content folder. "
                    + "Only files inside the content folder are read: copy the article here instead of linking to it.");
            }

            info = new FileInfo(target.FullName);
        }
        else if (info.Attributes.HasFlag(FileAttributes.Directory))
        {
            // Asked after the link: a link to a folder is a link, which is what the editor needs to hear.
            return Refuse(displayPath, 1, 1, "This is a folder, not a file. Articles are files directly in articles/; "
                + "rename the folder so that its name does not end in '.md'.");
        }

        // Pipes, devices and sockets report no length: they are never opened (reading a pipe would wait forever).
        if (info.Length == 0)
        {
            return Refuse(displayPath, 1, 1, "The file is empty (or is not a regular file, such as a named pipe). Write its text into it, or delete it.");
        }

        if (info.Length > MaxBytes)
        {
            return Refuse(displayPath, 1, 1, $"The file is {info.Length:N0} bytes, more than the {MaxBytes:N0} an article may have. "
                + "A monthly article is far smaller: check that this is the right file, or split it into several articles.");
        }

        var bytes = ReadAtMost(info.FullName, MaxBytes + 1);
        if (bytes.Length > MaxBytes)
        {
            return Refuse(displayPath, 1, 1, $"The file grew past the {MaxBytes:N0} bytes an article may have while it was read. Check that this is the right file.");
        }

        // The time after the read, so that a write that came while the file was read counts as recent.
        info.Refresh();
        var decoded = Decode(displayPath, bytes);
        return decoded.Succeeded ? ParseResult<ContentFile>.Success(decoded.Value! with { Written = info.LastWriteTimeUtc }) : decoded;
    }

    /// <summary>Checks text that is already in memory the same way as a file's bytes.</summary>
    public static ParseResult<ContentFile> Decode(string displayPath, byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var (line, column) = Locate(bytes, Math.Max(0, exception.Index));
            var badByte = exception.BytesUnknown is { Length: > 0 } unknown ? $" (byte 0x{unknown[0]:X2})" : "";
            return Refuse(displayPath, line, column, $"The file is not saved as UTF-8: this line has a character that is not valid UTF-8{badByte}. "
                + "Save the file again with the encoding 'UTF-8' in your editor; accented letters then stay as they are.");
        }

        if (FindControlCharacter(text) is { } found)
        {
            var what = found.Character == '\0' ? "a NUL character (zero byte)" : $"an invisible control character (U+{(int)found.Character:X4})";
            return Refuse(displayPath, found.Line, found.Column, $"This line contains {what}. Delete it: retype the text around column {found.Column} "
                + "or paste it again as plain text. If the whole file looks like this, it is not a text file.");
        }

        return ParseResult<ContentFile>.Success(new ContentFile(displayPath, text));
    }

    internal static bool IsInside(string path, string root)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal);
    }

    internal static byte[] ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16 * 1024);
        var buffer = new byte[Math.Min(limit, Math.Max(1, (int)Math.Min(stream.Length, limit)))];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(limit, buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    private static (char Character, int Line, int Column)? FindControlCharacter(string text)
    {
        var line = 1;
        var column = 1;
        foreach (var character in text)
        {
            if (character == '\n')
            {
                line++;
                column = 1;
                continue;
            }

            if (IsForbidden(character))
            {
                return (character, line, column);
            }

            column++;
        }

        return null;
    }

    // Tab, line feed and carriage return are ordinary text; every other C0 or C1 control character is invisible damage.
    private static bool IsForbidden(char character) =>
        character is not ('\t' or '\n' or '\r') && (character < ' ' || character is >= '\u007F' and <= '\u009F');

    private static (int Line, int Column) Locate(byte[] bytes, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, not bytes: count the UTF-8 lead bytes before the bad one.
        var column = 1 + bytes[lineStart..Math.Min(index, bytes.Length)].Count(b => (b & 0xC0) != 0x80);
        return (line, column);
    }

    private static ParseResult<ContentFile> Refuse(string file, int line, int column, string message) =>
        ParseResult<ContentFile>.Failure([new ContentError(file, line, column, message)]);
}
