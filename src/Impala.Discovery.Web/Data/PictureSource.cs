namespace Impala.Discovery.Web.Data;

/// <summary>
/// Where the renditions of a picture ("720.webp", "sq192.jpg": see <c>Content/Pictures/PictureSizes</c>) are made
/// from, by the picture's <see cref="Hash"/>: a file under <c>content/</c> that held those bytes at the last import.
/// Renditions are made when first asked for and kept on disk beside the store (<c>Features/Pictures/RenditionCache</c>),
/// so an import only records this. Kept for every good picture a file names, drafts included, so that the editors'
/// preview shows them too.
/// </summary>
public sealed class PictureSource
{
    public required string Hash { get; set; }

    /// <summary>The file's path from the content folder, as an article names it: "images/a38.jpg".</summary>
    public required string File { get; set; }

    /// <summary>The picture's size as shown (after its camera orientation), from which every rendition's size follows.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>
    /// The name git gives the picture's bytes: once <see cref="File"/> holds other bytes (replaced, deleted) while a
    /// refused article's last good version still shows this picture, its renditions are made from the history's copy.
    /// </summary>
    public string? GitBlob { get; set; }
}
