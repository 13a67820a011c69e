using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The colours of one sleeve: the kind's colour (its hue drifted a little, so it stays in the kind's family), a second
/// colour in harmony with it (a hue turned by a fixed interval: complementary, split-complementary, triadic or
/// analogous), and a ground and an ink for the type.
/// </summary>
public sealed record SleevePalette(SKColor Ground, SKColor Primary, SKColor Secondary, SKColor Deep, SKColor Ink)
{
    private static readonly float[] Harmonies = [180, 150, 210, 120, 35];

    /// <summary>Degrees the kind's hue may turn: enough to tell two sleeves apart, too little to look like another kind.</summary>
    private static readonly float[] Drifts = [0, -14, 14, -7, 7];

    public static SleevePalette For(SKColor kindColour, SleeveStyle style)
    {
        kindColour.ToHsl(out var kindHue, out var saturation, out var lightness);
        var hue = (kindHue + Drifts[style.Drift % Drifts.Length] + 360) % 360;
        var kind = SKColor.FromHsl(hue, saturation, lightness);
        var secondHue = (hue + Harmonies[style.Harmony % Harmonies.Length]) % 360;
        var paper = SKColor.FromHsl(hue, 30, 94);
        var night = SKColor.FromHsl(hue, 35, 11);
        var deep = SKColor.FromHsl(hue, Math.Min(saturation, 70), Math.Max(12, lightness - 22));
        return style.Mode switch
        {
            // Paper: the kind's colour and a deep second colour on a warm off-white, type in near-black.
            0 => new SleevePalette(paper, kind, SKColor.FromHsl(secondHue, Math.Min(saturation, 65), 38), deep, night),
            // Night: bright colours on a ground of the kind's darkest shade, type in paper.
            1 => new SleevePalette(night, SKColor.FromHsl(hue, saturation, Math.Max(lightness, 52)), SKColor.FromHsl(secondHue, 70, 72), deep, paper),
            // Colour: the kind's colour as the ground, pale second colour and deep shade on it, type in paper.
            _ => new SleevePalette(deep, kind, SKColor.FromHsl(secondHue, 60, 82), SKColor.FromHsl(hue, 40, 8), paper),
        };
    }
}
