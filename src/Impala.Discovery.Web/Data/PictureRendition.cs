namespace Impala.Discovery.Web.Data;

/// <summary>
/// One encoded size of a picture, such as "720.webp" or "sq192.jpg" (a square crop for cards), made once at import
/// and served long-cached: its address holds the picture's <see cref="Hash"/>, so it never changes.
/// </summary>
public sealed class PictureRendition
{
    public required string Hash { get; set; }

    public required string Name { get; set; }

    public required byte[] Bytes { get; set; }
}
