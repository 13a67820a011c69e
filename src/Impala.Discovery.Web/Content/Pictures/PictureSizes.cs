namespace Impala.Discovery.Web.Content.Pictures;

/// <summary>
/// The renditions every picture gets, as a function of its size alone, so that the pages that list them in <c>srcset</c>
/// and the requests that have them made always agree. Widths fit the page column (45rem) at one to two times its
/// pixels; squares fit the 4.5rem art of a card at one to three times.
/// </summary>
public static class PictureSizes
{
    public static readonly IReadOnlyList<int> PageWidths = [480, 720, 960, 1440];

    public static readonly IReadOnlyList<int> SquareSides = [96, 192];

    public static readonly IReadOnlyList<string> Formats = ["webp", "jpg"];

    /// <summary>Change this when the encoding changes, so that long-cached renditions get new addresses.</summary>
    public const string EncodingVersion = "2";

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

    /// <summary>
    /// What a name asks for, whatever the picture: a page width (at most the widest, at least the narrowest picture
    /// allowed) or a card square, in one of the formats; null for any other name, which no picture has.
    /// </summary>
    public static (bool Square, int Size, string Format)? Parse(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var square = name.StartsWith("sq", StringComparison.Ordinal);
        var digits = dot < 0 ? "" : name[(square ? 2 : 0)..dot];
        var format = dot < 0 ? "" : name[(dot + 1)..];
        if (digits.Length is 0 or > 4 || digits[0] == '0' || !digits.All(char.IsAsciiDigit) || !Formats.Contains(format, StringComparer.Ordinal))
        {
            return null;
        }

        var size = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        var known = square ? SquareSides.Contains(size) : size >= PictureRules.MinSide && size <= PageWidths[^1];
        return known ? (square, size, format) : null;
    }

    /// <summary>Every rendition's name for a picture of this width.</summary>
    public static IEnumerable<string> NamesFor(int sourceWidth) =>
        from format in Formats
        from name in WidthsFor(sourceWidth).Select(width => PageName(width, format)).Concat(SquareSides.Select(side => SquareName(side, format)))
        select name;
}
