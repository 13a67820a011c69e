using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;
using Impala.Discovery.Web.Features.Pictures;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>
/// An editor's picture: what it shows in words, its credit (to be shown with it), its size, and every rendition the
/// pages use, so a client can pick one as a browser picks from <c>srcset</c>. Rendition URLs never change content.
/// </summary>
public sealed record ApiPicture(string Alt, string? Credit, int Width, int Height, IReadOnlyList<ApiPictureRendition> Renditions)
{
    public static ApiPicture? From(PictureView? picture, HttpContext http) => picture is null ? null : new(
        picture.Alt, picture.Credit, picture.Width, picture.Height,
        [.. from format in PictureSizes.Formats
            from width in PictureSizes.WidthsFor(picture.Width)
            select Rendition(http, picture.Hash, PictureSizes.PageName(width, format), width, PictureSizes.HeightFor(width, picture.Width, picture.Height), format, square: false),
         .. from format in PictureSizes.Formats
            from side in PictureSizes.SquareSides
            select Rendition(http, picture.Hash, PictureSizes.SquareName(side, format), side, side, format, square: true)]);

    private static ApiPictureRendition Rendition(HttpContext http, string hash, string name, int width, int height, string format, bool square) =>
        new(SiteAddress.Absolute(http, SitePaths.Picture(hash, name)), width, height, format == "webp" ? "image/webp" : "image/jpeg", square);
}
