using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Parses article files one at a time, each its own failure domain: whatever happens inside the parser for one file
/// (a bug of ours or of a library included) becomes an error on that file, and a parse that runs past its time
/// budget is abandoned. Results are kept by fingerprint, so an import parses only the files that changed.
/// Kept results of published articles lose their HTML and plain text (see <see cref="ParsedArticle.WithoutText"/>).
/// </summary>
/// <param name="logger">Where unexpected failures are logged with their stack trace, once per file version.</param>
/// <param name="parse">The parser; tests pass one with a bug in it to prove the isolation.</param>
/// <param name="clock">The site's clock, for the parser's sense of "this year".</param>
public sealed class IsolatedArticleParser(
    ILogger logger, Func<KindCatalog, ContentFile, ParseResult<ParsedArticle>>? parse = null, TimeProvider? clock = null)
{
    private readonly Func<KindCatalog, ContentFile, ParseResult<ParsedArticle>> _parse =
        parse ?? ((kinds, file) => new ArticleParser(kinds, clock).Parse(file.Path, file.Text));

    /// <summary>Inputs are bounded before they reach the parser, so a real article takes milliseconds; this is a safety net.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);

    // Whole: false when the article's HTML and text were dropped (it was published, so the store has them). Text: the
    // file's text it was parsed from, the very string the content folder keeps for a file that did not change (null
    // for a parse the store kept, whose text this process never read).
    private Dictionary<string, (ParsedFile File, bool Whole, string? Text)> _previous = new(StringComparer.Ordinal);

    // kinds.yml as the kept results were fingerprinted with it.
    private string? _previousKinds;

    // The year of the last parse. A year fact may be at most next year, so a file refused for one may be right from New
    // Year on, with the same fingerprint: its refusal is not kept into the new year (a running site went on refusing
    // what a restarted one took; found by sweep 5). An article that was taken stays right as the years go on.
    private int _lastParseYear;

    /// <summary>
    /// The articles the last parse produced, whether published or not (drafts and scheduled ones included). Only drafts
    /// and scheduled ones keep their HTML and text, for the preview.
    /// </summary>
    public IEnumerable<ParsedArticle> LastParsed => _previous.Values.Select(kept => kept.File.Article).OfType<ParsedArticle>();

    /// <summary>Another parser like this one (the same parse and clock), with nothing kept: for content that is not the site's own.</summary>
    public IsolatedArticleParser Fresh() => new(logger, parse, clock);

    /// <summary>
    /// Takes the parses the store kept of its articles (<see cref="Data.KeptParse"/>) as this parser's own, before its
    /// first parse: a restart then parses only the files that changed while the site was down, like any import. Each
    /// counts only under its fingerprint, so a file that changed is parsed again all the same.
    /// </summary>
    public void Remember(IEnumerable<ParsedFile> kept)
    {
        if (_previous.Count > 0)
        {
            return;
        }

        _previous = kept.ToDictionary(file => file.File, file => (file, false, (string?)null), StringComparer.Ordinal);
    }

    /// <summary>
    /// Parses every file, reusing the result of any file whose fingerprint has not changed since the last call, unless
    /// that result lost its HTML and the store (<paramref name="stored"/>, by file) holds no version of it: then the
    /// file is parsed again, since it is to be written. (A kept result may still differ from the stored version, when
    /// its pictures changed: the importer parses again whatever it is about to write without its text.)
    /// </summary>
    public async Task<IReadOnlyList<ParsedFile>> ParseAllAsync(
        IReadOnlyList<ContentFile> files, KindsSource kinds, IReadOnlyDictionary<string, StoredArticle> stored, CancellationToken cancellationToken)
    {
        var results = new ParsedFile[files.Count];
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        if (_lastParseYear != 0 && _lastParseYear != today.Year)
        {
            _previous = _previous.Where(kept => kept.Value.File.Article is not null).ToDictionary(StringComparer.Ordinal);
        }

        _lastParseYear = today.Year;
        using var kindsHashed = HashedKinds(kinds.Text);
        var sameKinds = kinds.Text == _previousKinds;
        // Files are independent: parse the changed ones on every core (a fresh store has them all to parse).
        await Parallel.ForAsync(0, files.Count, cancellationToken, async (index, token) =>
        {
            var file = files[index];
            // The folder hands back the same string for a file it did not read again, which then needs no new hash:
            // hashing every file took a fifth of an edit's evaluation at 10,000 entries.
            var fingerprint = sameKinds && _previous.TryGetValue(file.Path, out var kept) && ReferenceEquals(kept.Text, file.Text)
                ? kept.File.Fingerprint
                : Fingerprint(kindsHashed, file.Text);
            results[index] = _previous.TryGetValue(file.Path, out var earlier) && earlier.File.Fingerprint == fingerprint
                && (earlier.Whole || stored.ContainsKey(earlier.File.File))
                ? earlier.File
                : await ParseOneAsync(kinds.Catalog, file, fingerprint, token);
        });

        // Between imports a published article is needed only for the checks across files, which read no HTML: keeping
        // every entry's HTML and text held tens of megabytes for the life of the process at 10,000 entries.
        _previous = results.Select((result, index) => (Result: result, Text: (string?)files[index].Text)).ToDictionary(
            kept => kept.Result.File,
            kept => kept.Result.Article is { Draft: false } article && article.Published <= today
                ? (article.TextDropped ? kept.Result : kept.Result with { Article = article.WithoutText() }, false, kept.Text)
                : (kept.Result, true, kept.Text),
            StringComparer.Ordinal);
        _previousKinds = kinds.Text;
        return results;
    }

    private async Task<ParsedFile> ParseOneAsync(KindCatalog kinds, ContentFile file, string fingerprint, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Task.Run(() => _parse(kinds, file), cancellationToken).WaitAsync(TimeBudget, cancellationToken);
            return result.Succeeded
                ? new ParsedFile(file.Path, fingerprint, result.Value, [])
                : new ParsedFile(file.Path, fingerprint, null, FirstLineAtLeast(file.Path, result.Errors), result.Value);
        }
        catch (TimeoutException)
        {
            logger.LogError("Parsing {File} took longer than {Budget}; it was abandoned", file.Path, TimeBudget);
            return Refused(file.Path, fingerprint, $"Reading this file took longer than {TimeBudget.TotalSeconds:0} seconds, so it was set aside. "
                + "This looks like a bug in the site, not in your file: tell the developers which file it was. "
                + "Until then, splitting very long paragraphs or lists may help.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Parsing {File} failed with an unexpected error", file.Path);
            return Refused(file.Path, fingerprint, "This file could not be read because of an unexpected error "
                + $"({exception.GetType().Name}: {exception.Message}). This looks like a bug in the site, not in your file: "
                + "tell the developers which file it was. The last good version of the article stays online.");
        }
    }

    // A parser should always point at a place in the file; if it ever does not, point at the top rather than nowhere.
    private static List<ContentError> FirstLineAtLeast(string file, IReadOnlyList<ContentError> errors) =>
        errors.Count == 0
            ? [new ContentError(file, 1, 1, "This file was refused without a reason. This looks like a bug in the site, not in your file.")]
            : errors.Select(error => error with { Line = Math.Max(1, error.Line), Column = Math.Max(1, error.Column) }).ToList();

    private static ParsedFile Refused(string file, string fingerprint, string message) =>
        new(file, fingerprint, null, [new ContentError(file, 1, 1, message)]);

    /// <summary>
    /// An article is imported again when its text or the kinds it was checked against change: the SHA-256 of kinds.yml,
    /// a NUL and the article.
    /// </summary>
    public static string Fingerprint(string kindsText, string articleText)
    {
        using var kindsHashed = HashedKinds(kindsText);
        return Fingerprint(kindsHashed, articleText);
    }

    // Every import fingerprints every file. kinds.yml is hashed once for all of them, and the article is hashed from a
    // pooled buffer rather than a joined copy of both: joining, encoding and hashing took 40 ms at 500 articles.
    private static IncrementalHash HashedKinds(string kindsText)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(kindsText + "\0"));
        return hash;
    }

    private static string Fingerprint(IncrementalHash kindsHashed, string articleText)
    {
        IncrementalHash hash;
        lock (kindsHashed)
        {
            hash = kindsHashed.Clone();
        }

        using (hash)
        {
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(articleText.Length));
            try
            {
                hash.AppendData(bytes, 0, Encoding.UTF8.GetBytes(articleText, bytes));
                return Convert.ToHexString(hash.GetHashAndReset());
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }
}
