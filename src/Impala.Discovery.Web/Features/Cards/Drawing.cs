using System.Globalization;
using System.Text;
using System.Xml;
using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// A picture as a list of filled outlines, text included (already turned into outlines), written out either as SVG or
/// as a PNG through Skia. One description with two writers is what keeps the sleeve on a page, the social card
/// and the badge's two formats the same picture.
/// </summary>
public sealed class Drawing(int width, int height, string title)
{
    private readonly List<DrawingShape> _shapes = [];

    public int Width => width;

    public int Height => height;

    public string Title => title;

    public IReadOnlyList<DrawingShape> Shapes => _shapes;

    public void Fill(SKRect rect, SKColor colour)
    {
        using var path = Outline.Rect(rect);
        Fill(path, colour);
    }

    public void Fill(SKPath path, SKColor colour)
    {
        var data = PathData.From(path);
        if (data.Length > 0)
        {
            _shapes.Add(new DrawingShape(data, colour));
        }
    }

    /// <summary>Only the part of the path inside the clip: shapes that bleed off a sleeve stop at its edge.</summary>
    public void Fill(SKPath path, SKColor colour, SKRect clip)
    {
        if (clip.Contains(path.Bounds))
        {
            // Cutting turns curves into many short ones: only shapes that cross the edge are cut.
            Fill(path, colour);
            return;
        }

        using var box = Outline.Rect(clip);
        Fill(path, colour, box);
    }

    public void Fill(SKPath path, SKColor colour, SKPath clip)
    {
        using var inside = path.Op(clip, SKPathOp.Intersect);
        if (inside is not null)
        {
            Fill(inside, colour);
        }
    }

    /// <summary>Another drawing's shapes, scaled and moved (a sleeve placed on a social card).</summary>
    public void Place(Drawing other, float dx, float dy, float scale = 1)
    {
        var placement = SKMatrix.CreateScaleTranslation(scale, scale, dx, dy);
        foreach (var shape in other.Shapes)
        {
            using var path = SKPath.ParseSvgPathData(shape.PathData);
            path.Transform(placement);
            Fill(path, shape.Colour);
        }
    }

    public string ToSvg()
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Encoding.UTF8 };
        using (var xml = XmlWriter.Create(text, settings))
        {
            const string Ns = "http://www.w3.org/2000/svg";
            xml.WriteStartElement("svg", Ns);
            xml.WriteAttributeString("viewBox", $"0 0 {width} {height}");
            xml.WriteAttributeString("width", Number(width));
            xml.WriteAttributeString("height", Number(height));
            xml.WriteAttributeString("role", "img");
            xml.WriteElementString("title", Ns, title);
            foreach (var shape in _shapes)
            {
                xml.WriteStartElement("path", Ns);
                xml.WriteAttributeString("d", shape.PathData);
                xml.WriteAttributeString("fill", $"#{shape.Colour.Red:x2}{shape.Colour.Green:x2}{shape.Colour.Blue:x2}");
                if (shape.Colour.Alpha != 255)
                {
                    xml.WriteAttributeString("fill-opacity", Number(Math.Round(shape.Colour.Alpha / 255.0, 2)));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>The drawing as a PNG, <paramref name="scale"/> times its size (2 for sharp badges on dense screens).</summary>
    public byte[] ToPng(int scale = 1)
    {
        using var image = Rasterise(scale);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// The drawing as a lossless WebP <paramref name="pixels"/> wide (flat colours keep their edges and stay small): a
    /// browser decodes it off the page's main thread, where every SVG image is a document of its own to parse, lay out
    /// and paint.
    /// </summary>
    public byte[] ToWebp(int pixels)
    {
        using var image = Rasterise((float)pixels / width);
        using var pixmap = image.PeekPixels();
        using var webp = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 80)) ?? throw new InvalidOperationException("SkiaSharp wrote no WebP.");
        return webp.ToArray();
    }

    private SKImage Rasterise(float scale)
    {
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Round(width * scale), (int)Math.Round(height * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(scale);
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var shape in _shapes)
        {
            using var path = SKPath.ParseSvgPathData(shape.PathData);
            paint.Color = shape.Colour;
            canvas.DrawPath(path, paint);
        }

        return surface.Snapshot();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

}
