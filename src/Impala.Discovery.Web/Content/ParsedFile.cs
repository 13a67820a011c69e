namespace Impala.Discovery.Web.Content;

/// <summary>
/// What reading and parsing one article file gave: the article, or the errors that refuse it with what could be read
/// of it anyway (<see cref="Partial"/>, checked across files but never stored).
/// <see cref="Fingerprint"/> changes whenever the file or the kinds it was checked against change.
/// </summary>
public sealed record ParsedFile(string File, string Fingerprint, ParsedArticle? Article, IReadOnlyList<ContentError> Errors, ParsedArticle? Partial = null)
{
    /// <summary>
    /// The fingerprint of the file and kinds alone, as the parser gave it: <see cref="Fingerprint"/> also covers the
    /// bytes of its pictures once they are checked. A parse is reused by this one.
    /// </summary>
    public string TextFingerprint { get; init; } = Fingerprint;

    /// <summary>
    /// The pictures it shows, by name, when they are not the content folder's: a last good version from the history
    /// shows those of the commit it was accepted at (see <see cref="LastGoodFromHistory.PictureAt"/>). Null otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, Pictures.CheckedPicture>? PicturesThen { get; init; }
}
