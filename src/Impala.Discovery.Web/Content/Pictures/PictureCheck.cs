using System.Security.Cryptography;
using System.Text;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The import's picture step, between parsing and planning, one instance per import: every picture an article or a
/// kind names is checked, and a file whose picture fails is refused like any other mistake, at the line that names
/// the picture, so its last good version stays. An accepted article's fingerprint takes in its pictures' fingerprints:
/// replacing a picture under the same name imports the article again.
/// </summary>
/// <param name="folder">Where the pictures are read from.</param>
/// <param name="keep">
/// Called once for each good picture of a file that is not refused, with its bytes, so that the import can make its
/// renditions; what it throws refuses the files that name the picture. Null when only checking.
/// </param>
/// <param name="kept">The pictures (by hash) whose renditions the store has already: they are not read again.</param>
public sealed class PictureCheck(PictureFolder folder, Func<CheckedPicture, byte[], Task>? keep = null, IEnumerable<string>? kept = null)
{
    private readonly Dictionary<string, (CheckedPicture? Picture, string? Error)> _checked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _kept = new(kept ?? [], StringComparer.Ordinal);

    /// <summary>Every good picture checked so far, by file name.</summary>
    public IReadOnlyDictionary<string, CheckedPicture> Pictures =>
        _checked.Where(pair => pair.Value.Picture is not null).ToDictionary(pair => pair.Key, pair => pair.Value.Picture!, StringComparer.Ordinal);

    /// <summary>The parsed files with their pictures checked: refused where a picture fails, fingerprinted with them otherwise.</summary>
    public async Task<IReadOnlyList<ParsedFile>> ApplyAsync(IReadOnlyList<ParsedFile> files)
    {
        var results = new List<ParsedFile>(files.Count);
        foreach (var file in files)
        {
            var article = file.Article ?? file.Partial;
            if (article is null || !article.Pictures.Any())
            {
                results.Add(file);
                continue;
            }

            var errors = await CheckAsync(file.File, article.Pictures, keepRenditions: file.Article is not null);
            results.Add(errors.Count == 0 ? file with { Fingerprint = WithPictures(file.Fingerprint, article) }
                : file.Article is null ? file with { Errors = [.. file.Errors, .. errors] }
                : new ParsedFile(file.File, file.Fingerprint, null, errors, file.Article));
        }

        return results;
    }

    /// <summary>The errors of the pictures kinds.yml gives its kinds, as errors of kinds.yml.</summary>
    public Task<List<ContentError>> CheckKindsAsync(KindCatalog kinds) =>
        CheckAsync(ContentFolder.KindsFileName, kinds.Kinds.Select(kind => kind.Picture).OfType<PictureReference>(), keepRenditions: true);

    private async Task<List<ContentError>> CheckAsync(string file, IEnumerable<PictureReference> references, bool keepRenditions)
    {
        var errors = new List<ContentError>();
        foreach (var reference in references)
        {
            if (!_checked.TryGetValue(reference.File, out var result))
            {
                result = _checked[reference.File] = folder.Check(reference.File);
            }

            if (result.Error is null && keepRenditions && keep is not null && _kept.Add(result.Picture!.Hash)
                && await KeepAsync(reference.File, result.Picture) is { } failure)
            {
                result = _checked[reference.File] = (null, failure);
            }

            if (result.Error is not null)
            {
                errors.Add(new ContentError(file, reference.Line, reference.Column, $"The picture '{reference.File}' cannot be shown: {result.Error}"));
            }
        }

        return errors;
    }

    private async Task<string?> KeepAsync(string name, CheckedPicture picture)
    {
        if (folder.ReadChecked(name, picture) is not { } bytes)
        {
            return "The file changed while it was read. Save it again; the next import reads it anew.";
        }

        try
        {
            await keep!(picture, bytes);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"Its renditions could not be made ({exception.GetType().Name}: {exception.Message}). "
                + "This looks like a bug in the site, not in your picture: tell the developers which picture it was.";
        }
    }

    private string WithPictures(string fingerprint, ParsedArticle article)
    {
        var hashes = string.Join(" ", article.Pictures.Select(reference => _checked[reference.File].Picture!.Hash));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint + " " + hashes)))[..32].ToLowerInvariant();
    }
}
