namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The renditions every picture gets, as a function of its size alone, so that the import that encodes them and the
/// pages that list them in <c>srcset</c> always agree. Widths fit the page column (45rem) at one to two times its
/// pixels; squares fit the 4.5rem art of a card at one to three times.
/// </summary>
public static class PictureSizes
{
    public static readonly IReadOnlyList<int> PageWidths = [480, 720, 960, 1440];

    public static readonly IReadOnlyList<int> SquareSides = [96, 192];

    public static readonly IReadOnlyList<string> Formats = ["webp", "jpg"];

    /// <summary>Change this when the encoding changes, so that long-cached renditions get new addresses.</summary>
    public const string EncodingVersion = "1";

    /// <summary>The page widths a picture of this width gets: never wider than it is, and its own width when it is narrow.</summary>
    public static IReadOnlyList<int> WidthsFor(int sourceWidth)
    {
        var widths = PageWidths.Where(width => width < sourceWidth).ToList();
        var widest = Math.Min(sourceWidth, PageWidths[^1]);
        if (!widths.Contains(widest))
        {
            widths.Add(widest);
        }

        return widths;
    }

    /// <summary>A width's height, keeping the picture's proportions.</summary>
    public static int HeightFor(int width, int sourceWidth, int sourceHeight) =>
        Math.Max(1, (int)Math.Round((double)width * sourceHeight / sourceWidth, MidpointRounding.AwayFromZero));

    public static string PageName(int width, string format) => $"{width}.{format}";

    public static string SquareName(int side, string format) => $"sq{side}.{format}";

    /// <summary>Every rendition's name for a picture of this width.</summary>
    public static IEnumerable<string> NamesFor(int sourceWidth) =>
        from format in Formats
        from name in WidthsFor(sourceWidth).Select(width => PageName(width, format)).Concat(SquareSides.Select(side => SquareName(side, format)))
        select name;
}
