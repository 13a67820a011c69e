namespace Impala.Discovery.Web.Data;

/// <summary>
/// What parsing a stored article gave, without its HTML and text (the store holds those): kept so that a restart
/// need not parse every unchanged file again before it can take an edit. Valid only for the article's content
/// fingerprint and the build that wrote it, since another build may parse the same text otherwise.
/// </summary>
public sealed class KeptParse
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    /// <summary>The fingerprint of the file's text and kinds it was parsed from (see <see cref="Content.ParsedFile.TextFingerprint"/>).</summary>
    public required string Fingerprint { get; set; }

    /// <summary>The build of the site that parsed it (see <see cref="Content.KeptParseJson.Build"/>).</summary>
    public required string ParsedBy { get; set; }

    public required string Json { get; set; }
}
