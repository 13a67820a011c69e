using System.Security.Cryptography;
using System.Text;

namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The import's picture step, between parsing and planning, one instance per import: every picture an article or a
/// kind names is checked, and a file whose picture fails is refused like any other mistake, at the line that names
/// the picture, so its last good version stays. An accepted article's fingerprint takes in its pictures' fingerprints:
/// replacing a picture under the same name imports the article again.
/// </summary>
/// <param name="check">Checks the picture a name names: in the content folder (<see cref="PictureFolder.Check"/>), or at a commit.</param>
public sealed class PictureCheck(Func<string, (CheckedPicture? Picture, string? Error)> check)
{
    /// <summary>Checks the pictures of the content folder.</summary>
    public PictureCheck(PictureFolder folder)
        : this(folder.Check)
    {
    }

    private readonly Dictionary<string, (CheckedPicture? Picture, string? Error)> _checked = new(StringComparer.Ordinal);

    /// <summary>A PNG of 25 megapixels decodes to 100 MB: a few at once, however many cores the machine has.</summary>
    internal static readonly ParallelOptions AFewAtOnce = new() { MaxDegreeOfParallelism = Math.Min(Environment.ProcessorCount, 4) };

    /// <summary>Every good picture checked so far, by file name.</summary>
    public IReadOnlyDictionary<string, CheckedPicture> Pictures =>
        _checked.Where(pair => pair.Value.Picture is not null).ToDictionary(pair => pair.Key, pair => pair.Value.Picture!, StringComparer.Ordinal);

    /// <summary>The parsed files with their pictures checked: refused where a picture fails, fingerprinted with them otherwise.</summary>
    public async Task<IReadOnlyList<ParsedFile>> ApplyAsync(IReadOnlyList<ParsedFile> files)
    {
        var withPictures = files.Where(file => (file.Article ?? file.Partial)?.Pictures.Any() == true).ToList();
        await CheckAllAsync(withPictures.SelectMany(file => (file.Article ?? file.Partial)!.Pictures));

        return files.Select(WithPicturesChecked).ToList();
    }

    private ParsedFile WithPicturesChecked(ParsedFile file)
    {
        var article = file.Article ?? file.Partial;
        if (article is null || !article.Pictures.Any())
        {
            return file;
        }

        var errors = ErrorsOf(file.File, article.Pictures);
        if (errors.Count == 0)
        {
            return file with { Fingerprint = WithPictures(file.Fingerprint, article) };
        }

        // Refused like any other mistake: what could be read is still checked across files with the other errors.
        return file.Article is null
            ? file with { Errors = [.. file.Errors, .. errors] }
            : new ParsedFile(file.File, file.Fingerprint, null, errors, file.Article);
    }

    /// <summary>The errors of the pictures kinds.yml gives its kinds, as errors of kinds.yml.</summary>
    public async Task<List<ContentError>> CheckKindsAsync(KindCatalog kinds)
    {
        var references = kinds.Kinds.Select(kind => kind.Picture).OfType<PictureReference>().ToList();
        await CheckAllAsync(references);
        return ErrorsOf(ContentFolder.KindsFileName, references);
    }

    private async Task CheckAllAsync(IEnumerable<PictureReference> references)
    {
        var names = references.Select(reference => reference.File).Distinct(StringComparer.Ordinal).Where(name => !_checked.ContainsKey(name)).ToList();
        var results = new (CheckedPicture?, string?)[names.Count];
        await Parallel.ForAsync(0, names.Count, AFewAtOnce, (index, _) =>
        {
            results[index] = check(names[index]);
            return ValueTask.CompletedTask;
        });
        foreach (var (name, result) in names.Zip(results))
        {
            _checked[name] = result;
        }
    }

    private List<ContentError> ErrorsOf(string file, IEnumerable<PictureReference> references) =>
        references.Where(reference => _checked[reference.File].Error is not null)
            .Select(reference => new ContentError(file, reference.Line, reference.Column, $"The picture '{reference.File}' cannot be shown: {_checked[reference.File].Error}"))
            .ToList();

    private string WithPictures(string fingerprint, ParsedArticle article)
    {
        var hashes = string.Join(" ", article.Pictures.Select(reference => _checked[reference.File].Picture!.Hash));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint + " " + hashes)))[..32].ToLowerInvariant();
    }
}
