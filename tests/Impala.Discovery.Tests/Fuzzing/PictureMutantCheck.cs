using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// The picture fuzzing invariant, for any bytes an editor or a stranger can put under <c>content/images/</c>:
/// <list type="bullet">
/// <item><see cref="PictureCodec.Check"/> never throws: it returns a picture or an error message, never both or neither;</item>
/// <item>a picture it returns keeps the promises of <see cref="PictureRules"/> (size, proportions);</item>
/// <item>such a picture renders: <see cref="PictureCodec.Render"/> does not throw for any rendition
/// <see cref="PictureSizes.NamesFor"/> lists, and each decodes at the size <see cref="PictureSizes"/> promises;</item>
/// <item>checking and rendering never raise the process's resident memory by more than <see cref="MemoryBound"/>;</item>
/// <item>(checked by the parent process) no picture ends the process or keeps it busy for a minute.</item>
/// </list>
/// </summary>
public static partial class PictureMutantCheck
{
    /// <summary>
    /// What checking and rendering the largest picture accepted may add to resident memory: its decoded pixels
    /// (<see cref="PictureRules.MaxPixels"/> × 4 bytes) twice, as when a sideways picture is turned, plus 50 MB for the
    /// decoder's own buffers and the renditions. A decompression bomb, a picture whose header claims more than its bytes
    /// hold, costs more than that only if a decoder allocates past the pixel limit.
    /// </summary>
    public const long MemoryBound = (2 * PictureRules.MaxPixels * 4) + (50L << 20);

    /// <summary>What came of one picture: accepted or refused, the peak memory growth (null where it cannot be measured), what broke.</summary>
    public sealed record Outcome(bool Accepted, long? PeakGrowth, IReadOnlyList<FuzzProblem> Problems);

    public static Outcome Run(byte[] bytes)
    {
        var problems = new List<FuzzProblem>();
        var accepted = false;
        var growth = PeakMemory.GrowthDuring(() => accepted = CheckAndRender(bytes, problems));
        if (growth > MemoryBound)
        {
            problems.Add(new("checking and rendering raised resident memory past the bound",
                $"{growth / (1 << 20)} MB, bound {MemoryBound / (1 << 20)} MB"));
        }

        return new Outcome(accepted, growth, problems);
    }

    private static bool CheckAndRender(byte[] bytes, List<FuzzProblem> problems)
    {
        CheckedPicture? picture;
        string? error;
        try
        {
            (picture, error) = PictureCodec.Check(bytes);
        }
        catch (Exception exception)
        {
            problems.Add(FuzzProblem.Escaped("(PictureCodec.Check)", exception));
            return false;
        }

        if ((picture is null) == (error is null))
        {
            problems.Add(new("Check gave both a picture and an error, or neither", $"picture {picture}, error {error}"));
        }

        if (picture is null)
        {
            return false;
        }

        CheckPromises(picture, problems);
        var renditions = new List<(string Name, byte[] Bytes)>();
        try
        {
            // One at a time, as the site makes them when asked for.
            renditions.AddRange(PictureSizes.NamesFor(picture.Width).Select(name => (name, PictureCodec.Render(bytes, name))));
        }
        catch (Exception exception)
        {
            problems.Add(FuzzProblem.Escaped("(PictureCodec.Render of a checked picture)", exception));
            return true;
        }

        CheckRenditions(picture, renditions, problems);
        return true;
    }

    private static void CheckPromises(CheckedPicture picture, List<FuzzProblem> problems)
    {
        var (width, height) = (picture.Width, picture.Height);
        if ((long)width * height > PictureRules.MaxPixels || Math.Min(width, height) < PictureRules.MinSide
            || (double)Math.Max(width, height) / Math.Min(width, height) > PictureRules.MaxAspectRatio)
        {
            problems.Add(new("a picture outside the rules was accepted", $"{width}×{height}"));
        }
    }

    private static void CheckRenditions(CheckedPicture picture, IReadOnlyList<(string Name, byte[] Bytes)> renditions, List<FuzzProblem> problems)
    {
        foreach (var (name, bytes) in renditions)
        {
            var expected = ExpectedSize(name, picture);
            var actual = SizeOrNull(bytes);
            if (actual != expected)
            {
                problems.Add(new("a rendition does not decode at the size pages promise", $"{name}: {actual?.ToString() ?? "does not decode"}, promised {expected}"));
            }
        }
    }

    private static (int Width, int Height) ExpectedSize(string name, CheckedPicture picture)
    {
        var number = int.Parse(NumberIn().Match(name).Value, System.Globalization.CultureInfo.InvariantCulture);
        return name.StartsWith("sq", StringComparison.Ordinal) ? (number, number) : (number, PictureSizes.HeightFor(number, picture.Width, picture.Height));
    }

    private static (int Width, int Height)? SizeOrNull(byte[] bytes)
    {
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes));
        if (codec is null)
        {
            return null;
        }

        using var bitmap = SkiaSharp.SKBitmap.Decode(codec);
        return bitmap is null ? null : (bitmap.Width, bitmap.Height);
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex NumberIn();
}
