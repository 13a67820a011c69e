using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// SVG path data for an outline in relative commands on a grid of a tenth of a unit: finer than any screen shows,
/// and about half the bytes of Skia's own absolute form, which matters for text set as outlines.
/// </summary>
public static class PathData
{
    public static string From(SKPath path)
    {
        var data = new StringBuilder();
        var pen = (X: 0L, Y: 0L);
        var start = pen;
        var points = new SKPoint[4];
        using var iterator = path.CreateRawIterator();
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            switch (verb)
            {
                case SKPathVerb.Move:
                    Command(data, 'm', ref pen, points[0]);
                    start = pen;
                    break;
                case SKPathVerb.Line:
                    Command(data, 'l', ref pen, points[1]);
                    break;
                case SKPathVerb.Quad:
                    Command(data, 'q', ref pen, points[1], points[2]);
                    break;
                case SKPathVerb.Conic:
                    var quads = SKPath.ConvertConicToQuads(points[0], points[1], points[2], iterator.ConicWeight(), 2);
                    for (var index = 1; index + 1 < quads.Length; index += 2)
                    {
                        Command(data, 'q', ref pen, quads[index], quads[index + 1]);
                    }

                    break;
                case SKPathVerb.Cubic:
                    Command(data, 'c', ref pen, points[1], points[2], points[3]);
                    break;
                case SKPathVerb.Close:
                    data.Append('z');
                    pen = start;
                    break;
            }
        }

        return data.ToString();
    }

    /// <summary>One command whose points are given relative to the pen, which then moves to the last point.</summary>
    private static void Command(StringBuilder data, char command, ref (long X, long Y) pen, params SKPoint[] points)
    {
        data.Append(command);
        var first = true;
        foreach (var point in points)
        {
            var x = (long)Math.Round(point.X * 10);
            var y = (long)Math.Round(point.Y * 10);
            Number(data, x - pen.X, first);
            Number(data, y - pen.Y, false);
            first = false;
        }

        var last = points[^1];
        pen = ((long)Math.Round(last.X * 10), (long)Math.Round(last.Y * 10));
    }

    private static void Number(StringBuilder data, long tenths, bool afterCommand)
    {
        var text = (tenths / 10m).ToString("0.#", CultureInfo.InvariantCulture);
        if (text.StartsWith("0.", StringComparison.Ordinal))
        {
            text = text[1..];
        }
        else if (text.StartsWith("-0.", StringComparison.Ordinal))
        {
            text = "-" + text[2..];
        }

        if (!afterCommand && !text.StartsWith('-'))
        {
            data.Append(' ');
        }

        data.Append(text);
    }
}
