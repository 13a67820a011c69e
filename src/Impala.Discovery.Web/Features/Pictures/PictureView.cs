using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Pictures;

/// <summary>
/// An editor's picture as a page shows it: every rendition as a <c>srcset</c> the browser picks from, its size so that
/// the page does not move while it loads, and the words that stand in for it.
/// </summary>
public sealed record PictureView(string Hash, int Width, int Height, string Alt, string? Credit)
{
    public static PictureView? From(Picture? picture) =>
        picture is null ? null : new(picture.Hash, picture.Width, picture.Height, picture.Alt, picture.Credit);

    /// <summary>Where the page shows it below the first screen (entries further down an article): loaded lazily.</summary>
    public bool BelowTheFold { get; init; }

    /// <summary>How wide pages show it: the reading column (46rem) less its margins on a phone.</summary>
    public const string PageSizes = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

    /// <summary>How wide cards show their square (4.5rem, see site.css).</summary>
    public const string CardSizes = "4.5rem";

    private IReadOnlyList<int> Widths => PictureSizes.WidthsFor(Width);

    /// <summary>The page renditions in one format, as <c>srcset</c> writes them ("/pictures/…/480.webp 480w, …").</summary>
    public string SrcSet(string format) =>
        string.Join(", ", Widths.Select(width => $"{SitePaths.Picture(Hash, PictureSizes.PageName(width, format))} {width}w"));

    /// <summary>The square crops for cards, in one format.</summary>
    public string SquareSrcSet(string format) =>
        string.Join(", ", PictureSizes.SquareSides.Select(side => $"{SitePaths.Picture(Hash, PictureSizes.SquareName(side, format))} {side}w"));

    /// <summary>The JPEG that browsers without <c>srcset</c> show: the one nearest the page column.</summary>
    public string FallbackSrc => SitePaths.Picture(Hash, PictureSizes.PageName(Widths.FirstOrDefault(width => width >= 720, Widths[^1]), "jpg"));

    public string SquareFallbackSrc => SitePaths.Picture(Hash, PictureSizes.SquareName(PictureSizes.SquareSides[^1], "jpg"));

    /// <summary>The largest rendition as a JPEG, for link previews and structured data.</summary>
    public string LargestJpeg => SitePaths.Picture(Hash, PictureSizes.PageName(Widths[^1], "jpg"));

    public int LargestWidth => Widths[^1];

    public int LargestHeight => PictureSizes.HeightFor(LargestWidth, Width, Height);
}
