using System.Security.Cryptography;
using System.Text;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The import's picture step, between parsing and planning: every picture an article names is checked, and a file
/// whose picture fails is refused like any other mistake, at the line that names the picture, so its last good version
/// stays. An accepted file's fingerprint takes in its pictures' fingerprints: replacing a picture under the same name
/// imports the article again.
/// </summary>
public static class PictureCheck
{
    /// <param name="files">The parsed files.</param>
    /// <param name="folder">Where the pictures are read from.</param>
    /// <param name="keep">
    /// Called once for each good picture of a file that is not refused, with its bytes, so that the import can make its
    /// renditions; what it throws refuses the files that name the picture. Null when only checking.
    /// </param>
    /// <param name="kept">The pictures (by hash) whose renditions the store has already: they are not read again.</param>
    public static async Task<(IReadOnlyList<ParsedFile> Files, IReadOnlyDictionary<string, CheckedPicture> Pictures)> ApplyAsync(
        IReadOnlyList<ParsedFile> files, PictureFolder folder, Func<CheckedPicture, byte[], Task>? keep = null, IEnumerable<string>? kept = null)
    {
        var checkedByName = new Dictionary<string, (CheckedPicture? Picture, string? Error)>(StringComparer.Ordinal);
        var keptHashes = new HashSet<string>(kept ?? [], StringComparer.Ordinal);
        var results = new List<ParsedFile>(files.Count);
        foreach (var file in files)
        {
            var article = file.Article ?? file.Partial;
            if (article is null || !article.Pictures.Any())
            {
                results.Add(file);
                continue;
            }

            var errors = new List<ContentError>();
            foreach (var reference in article.Pictures)
            {
                if (!checkedByName.TryGetValue(reference.File, out var result))
                {
                    result = checkedByName[reference.File] = folder.Check(reference.File);
                }

                if (result.Error is not null)
                {
                    errors.Add(new ContentError(file.File, reference.Line, reference.Column, $"The picture '{reference.File}' cannot be shown: {result.Error}"));
                }
                else if (file.Article is not null && keep is not null && keptHashes.Add(result.Picture!.Hash)
                    && await KeepAsync(folder, reference.File, result.Picture, keep) is { } failure)
                {
                    checkedByName[reference.File] = (null, failure);
                    errors.Add(new ContentError(file.File, reference.Line, reference.Column, $"The picture '{reference.File}' cannot be shown: {failure}"));
                }
            }

            results.Add(errors.Count == 0 ? file with { Fingerprint = WithPictures(file.Fingerprint, article, checkedByName) }
                : file.Article is null ? file with { Errors = [.. file.Errors, .. errors] }
                : new ParsedFile(file.File, file.Fingerprint, null, errors, file.Article));
        }

        var pictures = checkedByName.Where(pair => pair.Value.Picture is not null).ToDictionary(pair => pair.Key, pair => pair.Value.Picture!, StringComparer.Ordinal);
        return (results, pictures);
    }

    private static async Task<string?> KeepAsync(PictureFolder folder, string name, CheckedPicture picture, Func<CheckedPicture, byte[], Task> keep)
    {
        if (folder.ReadChecked(name, picture) is not { } bytes)
        {
            return "The file changed while it was read. Save it again; the next import reads it anew.";
        }

        try
        {
            await keep(picture, bytes);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"Its renditions could not be made ({exception.GetType().Name}: {exception.Message}). "
                + "This looks like a bug in the site, not in your picture: tell the developers which picture it was.";
        }
    }

    private static string WithPictures(string fingerprint, ParsedArticle article, Dictionary<string, (CheckedPicture? Picture, string? Error)> checkedByName)
    {
        var hashes = string.Join(" ", article.Pictures.Select(reference => checkedByName[reference.File].Picture!.Hash));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint + " " + hashes)))[..32].ToLowerInvariant();
    }
}
