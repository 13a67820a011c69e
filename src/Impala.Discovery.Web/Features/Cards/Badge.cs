using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The "featured in" badge members put on their sites: the entry's motif as a small sleeve, "Featured in IMPALA's
/// discovery series" in the kind's colour, and the entry's name. Light and dark, as SVG or (through the same drawing)
/// PNG.
/// </summary>
public static class Badge
{
    public const int Width = 360;
    public const int Height = 80;

    public static Drawing Draw(SleeveSubject subject, bool dark)
    {
        var paper = SKColor.Parse(dark ? "#1c1a17" : "#ffffff");
        var line = SKColor.Parse(dark ? "#36322e" : "#e7e5e4");
        var ink = SKColor.Parse(dark ? "#f5f5f4" : "#1c1917");
        subject.Colour.ToHsl(out var hue, out var saturation, out var lightness);
        // The kind's colour as it is on white; lifted on the dark ground so that it keeps its contrast.
        var accent = dark ? SKColor.FromHsl(hue, saturation, Math.Max(lightness, 68)) : subject.Colour;

        var badge = new Drawing(Width, Height, $"{subject.Name}: featured in IMPALA's discovery series");
        using (var border = Outline.RoundRect(new SKRect(0, 0, Width, Height), 10))
        using (var inside = Outline.RoundRect(new SKRect(1.5f, 1.5f, Width - 1.5f, Height - 1.5f), 8.5f))
        {
            badge.Fill(border, line);
            badge.Fill(inside, paper);
        }

        Sleeve.Motif(badge, new SKRect(10, 10, 70, 70), subject);

        const float Left = 84;
        const float TextWidth = Width - Left - 14;
        var featured = CardFonts.Text.Shape("FEATURED IN IMPALA\u2019S DISCOVERY SERIES", 9.5f, 0.9f);
        using (var path = featured.Path)
        {
            path.Transform(SKMatrix.CreateTranslation(Left, 31));
            badge.Fill(path, accent);
        }

        var name = TextBlock.Fit(CardFonts.Display, subject.Name, TextWidth, 26, 24, 14, maxLines: 1);
        var set = CardFonts.Display.Shape(name.Lines.Count > 0 ? name.Lines[0] : "", name.Size);
        using (var path = set.Path)
        {
            path.Transform(SKMatrix.CreateTranslation(Left, 58));
            badge.Fill(path, ink);
        }

        return badge;
    }
}
