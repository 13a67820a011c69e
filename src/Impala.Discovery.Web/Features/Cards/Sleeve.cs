using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The generated artwork that stands in for a picture: a square typographic sleeve. The upper part is a composition
/// (a record, a Bauhaus grid, bands, a giant initial or a sunrise of arcs) chosen and proportioned by the seed, in
/// the kind's colour and a colour in harmony with it (both chosen by <see cref="SleeveStyle"/>); the lower part sets the name in Source Serif, with a label line
/// in Inter and the country code on a round sticker. An article's cover is a patchwork of its entries' motifs.
/// </summary>
public static class Sleeve
{
    public const int Size = 600;

    /// <summary>
    /// The width of the raster lists show (/artwork/….webp): three pixels to each of the 72 a card's sleeve takes, two to
    /// each of an article card's 104, so it stays sharp on a phone's dense screen.
    /// </summary>
    public const int ListPixels = 216;

    private const float MotifShare = 0.62f;

    public static Drawing Draw(SleeveSubject subject)
    {
        var style = SleeveStyle.For(subject);
        var random = new SleeveRandom(subject.Seed);
        var palette = SleevePalette.For(subject.Colour, style);
        var drawing = new Drawing(Size, Size, subject.Name);
        drawing.Fill(new SKRect(0, 0, Size, Size), palette.Ground);
        var motif = new SKRect(0, 0, Size, Size * MotifShare);
        DrawMotif(drawing, motif, style.Motif, random, palette, subject.Name, detailed: true);
        DrawType(drawing, palette, subject);
        return drawing;
    }

    /// <summary>An article's cover (or a kind's, a country's): the motifs of its entries in a grid, then its title.</summary>
    public static Drawing Cover(SleeveSubject subject, IReadOnlyList<SleeveSubject> tiles)
    {
        var palette = SleevePalette.For(subject.Colour, SleeveStyle.For(subject));
        var drawing = new Drawing(Size, Size, subject.Name);
        drawing.Fill(new SKRect(0, 0, Size, Size), palette.Ground);
        const float Gap = 3;
        var motifArea = new SKRect(0, 0, Size, Size * MotifShare);
        var cells = CoverCells(Math.Max(tiles.Count, 1), motifArea);
        for (var index = 0; index < cells.Count; index++)
        {
            var cell = cells[index];
            cell.Inflate(-Gap / 2, -Gap / 2);
            // With no entries to show (not a page the site serves today), the subject's own motif fills the space.
            Motif(drawing, cell, tiles.Count > 0 ? tiles[index] : subject);
        }

        DrawType(drawing, palette, subject);
        return drawing;
    }

    /// <summary>
    /// The cells of a cover's grid for <paramref name="count"/> tiles: every tile a cell and no cell left empty, whatever
    /// the count. Up to four rows; the tiles are shared out so that rows differ by at most one tile (20 tiles: four rows
    /// of five; 7: four and three), and each row's cells divide its whole width.
    /// </summary>
    public static IReadOnlyList<SKRect> CoverCells(int count, SKRect area)
    {
        var rows = count switch { <= 3 => 1, <= 8 => 2, <= 15 => 3, _ => 4 };
        var height = area.Height / rows;
        var cells = new List<SKRect>(count);
        for (var row = 0; row < rows; row++)
        {
            // The first rows take the remainder, so the longer rows are on top.
            var inRow = count / rows + (row < count % rows ? 1 : 0);
            var width = area.Width / inRow;
            for (var column = 0; column < inRow; column++)
            {
                cells.Add(new SKRect(area.Left + column * width, area.Top + row * height, area.Left + (column + 1) * width, area.Top + (row + 1) * height));
            }
        }

        return cells;
    }

    /// <summary>The subject's motif alone, in a box of another drawing (a badge's square).</summary>
    public static void Motif(Drawing drawing, SKRect area, SleeveSubject subject)
    {
        var style = SleeveStyle.For(subject);
        var palette = SleevePalette.For(subject.Colour, style);
        drawing.Fill(area, palette.Ground);
        DrawMotif(drawing, area, style.Motif, new SleeveRandom(subject.Seed), palette, subject.Name, detailed: false);
    }

    private static void DrawMotif(Drawing drawing, SKRect area, int motif, SleeveRandom random, SleevePalette palette, string name, bool detailed)
    {
        switch (motif)
        {
            case 0: Record(drawing, area, random, palette, detailed); break;
            case 1: Grid(drawing, area, random, palette, detailed); break;
            case 2: Bands(drawing, area, random, palette); break;
            case 3: Initial(drawing, area, random, palette, name); break;
            default: Sunrise(drawing, area, random, palette); break;
        }
    }

    private static void Record(Drawing drawing, SKRect area, SleeveRandom random, SleevePalette palette, bool detailed)
    {
        var scale = Math.Min(area.Width, area.Height);
        var centre = new SKPoint(area.Left + area.Width * random.Between(0.5f, 0.72f), area.Top + area.Height * random.Between(0.48f, 0.62f));
        var radius = scale * random.Between(0.58f, 0.74f);
        drawing.Fill(Outline.Circle(centre, radius * 1.04f), palette.Secondary.WithAlpha(90), area);
        drawing.Fill(Outline.Circle(centre, radius), palette.Deep, area);
        if (detailed)
        {
            foreach (var groove in new[] { 0.93f, 0.86f, 0.79f, 0.72f, 0.62f, 0.55f })
            {
                drawing.Fill(Outline.Ring(centre, radius * groove, scale * 0.004f), palette.Primary.WithAlpha(110), area);
            }
        }

        drawing.Fill(Outline.Circle(centre, radius * 0.36f), palette.Primary, area);
        drawing.Fill(Outline.Circle(centre, radius * 0.2f), palette.Secondary, area);
        drawing.Fill(Outline.Circle(centre, scale * 0.018f), palette.Ground, area);
    }

    private static void Grid(Drawing drawing, SKRect area, SleeveRandom random, SleevePalette palette, bool detailed)
    {
        var columns = detailed ? 3 : 2;
        var rows = detailed ? 2 : 2;
        var colours = new[] { palette.Primary, palette.Secondary, palette.Deep, palette.Ground };
        var width = area.Width / columns;
        var height = area.Height / rows;
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var cell = new SKRect(area.Left + column * width, area.Top + row * height, area.Left + (column + 1) * width, area.Top + (row + 1) * height);
                var ground = random.Next(colours.Length);
                var figure = (ground + 1 + random.Next(colours.Length - 1)) % colours.Length;
                drawing.Fill(cell, colours[ground]);
                using var shape = GridFigure(cell, random.Next(4), random.Next(4));
                drawing.Fill(shape, colours[figure], cell);
            }
        }
    }

    /// <summary>A quarter disc from a corner, a half disc on a side, a disc, or a triangle: the grid's four figures.</summary>
    private static SKPath GridFigure(SKRect cell, int kind, int turn)
    {
        var corners = new[] { new SKPoint(cell.Left, cell.Top), new SKPoint(cell.Right, cell.Top), new SKPoint(cell.Right, cell.Bottom), new SKPoint(cell.Left, cell.Bottom) };
        var size = Math.Min(cell.Width, cell.Height);
        switch (kind)
        {
            case 0:
                return Outline.Circle(corners[turn], size);
            case 1:
                var sides = new[] { new SKPoint(cell.MidX, cell.Top), new SKPoint(cell.Right, cell.MidY), new SKPoint(cell.MidX, cell.Bottom), new SKPoint(cell.Left, cell.MidY) };
                return Outline.Circle(sides[turn], size / 2);
            case 2:
                return Outline.Circle(new SKPoint(cell.MidX, cell.MidY), size * 0.36f);
            default:
                using (var triangle = new SKPathBuilder())
                {
                    triangle.AddPoly([corners[turn], corners[(turn + 1) % 4], corners[(turn + 2) % 4]], close: true);
                    return triangle.Detach();
                }
        }
    }

    private static void Bands(Drawing drawing, SKRect area, SleeveRandom random, SleevePalette palette)
    {
        var colours = new[] { palette.Primary, palette.Secondary, palette.Deep, palette.Ground };
        var angle = random.Pick(new[] { -35f, -20f, 20f, 35f, 90f });
        var scale = Math.Max(area.Width, area.Height);
        drawing.Fill(area, palette.Deep);
        var rotation = SKMatrix.CreateRotationDegrees(angle, area.MidX, area.MidY);
        var previous = 2;
        for (var x = area.MidX - scale; x < area.MidX + scale;)
        {
            var width = scale * random.Between(0.035f, 0.16f);
            var colour = (previous + 1 + random.Next(colours.Length - 1)) % colours.Length;
            using var band = Outline.Rect(new SKRect(x, area.MidY - scale, x + width, area.MidY + scale));
            band.Transform(rotation);
            drawing.Fill(band, colours[colour], area);
            previous = colour;
            x += width;
        }
    }

    private static void Initial(Drawing drawing, SKRect area, SleeveRandom random, SleevePalette palette, string name)
    {
        drawing.Fill(area, palette.Primary);
        var scale = Math.Min(area.Width, area.Height);
        drawing.Fill(Outline.Circle(new SKPoint(area.Left + area.Width * random.Between(0.15f, 0.4f), area.Top + area.Height * random.Between(0.3f, 0.7f)), scale * random.Between(0.25f, 0.4f)), palette.Deep, area);
        var initial = name.EnumerateRunes().FirstOrDefault(System.Text.Rune.IsLetterOrDigit).ToString().ToUpperInvariant();
        if (initial == "\0")
        {
            return;
        }

        var line = CardFonts.Display.Shape(initial, scale * 1.45f);
        using var letter = line.Path;
        var bounds = letter.TightBounds;
        // The letter bleeds off the right edge and the top, as if the sleeve were cut from a larger poster.
        letter.Transform(SKMatrix.CreateTranslation(area.Right - bounds.Right + bounds.Width * random.Between(0.08f, 0.22f), area.Top - bounds.Top - bounds.Height * random.Between(0.02f, 0.12f)));
        drawing.Fill(letter, palette.Secondary, area);
    }

    private static void Sunrise(Drawing drawing, SKRect area, SleeveRandom random, SleevePalette palette)
    {
        var colours = new[] { palette.Primary, palette.Secondary, palette.Deep, palette.Ground };
        var origins = new[] { new SKPoint(area.Left, area.Bottom), new SKPoint(area.Right, area.Bottom), new SKPoint(area.MidX, area.Bottom), new SKPoint(area.Right, area.Top) };
        var centre = random.Pick(origins);
        var radius = (float)Math.Sqrt(area.Width * area.Width + area.Height * area.Height);
        drawing.Fill(area, palette.Deep);
        var step = radius * random.Between(0.09f, 0.14f);
        var index = random.Next(colours.Length);
        for (; radius > step * 0.5f; radius -= step)
        {
            drawing.Fill(Outline.Circle(centre, radius), colours[index++ % colours.Length], area);
        }
    }

    private static void DrawType(Drawing drawing, SleevePalette palette, SleeveSubject subject)
    {
        const float Margin = Size * 0.07f;
        var label = subject.Label.ToUpperInvariant();
        var labelSize = Size * 0.028f;
        var top = Size * MotifShare + Size * 0.075f;
        var labelLine = CardFonts.Text.Shape(label, labelSize, labelSize * 0.14f);
        labelLine.Path.Transform(SKMatrix.CreateTranslation(Margin, top));
        drawing.Fill(labelLine.Path, palette.Ink.WithAlpha(200));
        labelLine.Path.Dispose();

        var bottom = Size - Margin * 0.9f;
        var block = TextBlock.Fit(CardFonts.Display, subject.Name, Size - 2 * Margin, bottom - top - Size * 0.035f, Size * 0.125f, Size * 0.045f, maxLines: 3, leading: 1.04f);
        for (var index = 0; index < block.Lines.Count; index++)
        {
            var baseline = bottom - (block.Lines.Count - 1 - index) * block.LineHeight;
            var line = CardFonts.Display.Shape(block.Lines[index], block.Size);
            line.Path.Transform(SKMatrix.CreateTranslation(Margin, baseline));
            drawing.Fill(line.Path, palette.Ink);
            line.Path.Dispose();
        }

        if (subject.Mark.Length > 0)
        {
            // The country code on a round sticker in the corner of the motif, like a catalogue mark.
            var centre = new SKPoint(Size - Margin - Size * 0.02f, Margin + Size * 0.02f);
            var markSize = Size * (subject.Mark.Length <= 2 ? 0.034f : 0.026f);
            var mark = CardFonts.Text.Shape(subject.Mark, markSize, markSize * 0.06f);
            var radius = Math.Max(Size * 0.052f, mark.Width / 2 + Size * 0.018f);
            drawing.Fill(Outline.Circle(centre, radius), palette.Ground);
            drawing.Fill(Outline.Ring(centre, radius - Size * 0.008f, Size * 0.003f), palette.Ink.WithAlpha(150));
            mark.Path.Transform(SKMatrix.CreateTranslation(centre.X - mark.Width / 2, centre.Y + markSize * 0.36f));
            drawing.Fill(mark.Path, palette.Ink);
            mark.Path.Dispose();
        }
    }
}
