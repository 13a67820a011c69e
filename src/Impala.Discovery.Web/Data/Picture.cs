namespace Impala.Discovery.Web.Data;

/// <summary>
/// An editor's picture where a page shows it: on an entry, an article or a kind's index (one of them), with the words that stand
/// in for it and its credit. <see cref="Hash"/> names its renditions (made from a <see cref="PictureSource"/>).
/// </summary>
public sealed class Picture
{
    public int Id { get; set; }

    public int? EntryId { get; set; }

    public int? ArticleId { get; set; }

    public string? KindKey { get; set; }

    /// <summary>The fingerprint of the file's bytes: the same file on two pages has one set of renditions.</summary>
    public required string Hash { get; set; }

    /// <summary>The picture's size as shown (after its camera orientation), from which every rendition's size follows.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public required string Alt { get; set; }

    public string? Credit { get; set; }
}
