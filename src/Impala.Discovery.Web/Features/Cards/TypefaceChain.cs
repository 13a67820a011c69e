using System.Text;
using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// One family as a list of typefaces tried in order for each character: the font files are split by script
/// (@fontsource ships one file per subset), and a script the family lacks falls back to the next typeface.
/// Text is turned into outlines here, so cards, badges and artwork look the same in a PNG and in any browser's SVG.
/// </summary>
/// <remarks>
/// There is no shaping engine: glyphs are set one after another with their advances, which suits the Latin, Greek,
/// Cyrillic and Hebrew names of the series (no joining scripts). Hebrew runs are reversed into visual order.
/// </remarks>
public sealed class TypefaceChain(IReadOnlyList<SKTypeface> typefaces)
{
    private readonly List<SKFont> _lookups = typefaces.Select(typeface => new SKFont(typeface)).ToList();

    /// <summary>True when every visible character of the text has a glyph in one of the typefaces.</summary>
    public bool Covers(string text) =>
        text.EnumerateRunes().All(rune => Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || FindTypeface(rune) is not null);

    /// <summary>The text's outline with its left end on the baseline at the origin, and its advance width.</summary>
    public TextLine Shape(string text, float size, float tracking = 0)
    {
        using var path = new SKPathBuilder();
        var x = 0f;
        foreach (var rune in VisualOrder(text).EnumerateRunes())
        {
            var typeface = FindTypeface(rune) ?? typefaces[0];
            using var font = NewFont(typeface, size);
            var glyph = font.GetGlyph(rune.Value);
            using (var outline = font.GetGlyphPath(glyph))
            {
                if (outline is not null)
                {
                    path.AddPath(outline, x, 0);
                }
            }

            x += font.GetGlyphWidths([glyph])[0] + tracking;
        }

        return new TextLine(path.Detach(), Math.Max(0, x - tracking));
    }

    /// <summary>The advance width of the text without building its outline.</summary>
    public float Measure(string text, float size, float tracking = 0)
    {
        var x = 0f;
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            using var font = NewFont(FindTypeface(rune) ?? typefaces[0], size);
            x += font.GetGlyphWidths([font.GetGlyph(rune.Value)])[0] + tracking;
            count++;
        }

        return count == 0 ? 0 : x - tracking;
    }

    private SKTypeface? FindTypeface(Rune rune)
    {
        var index = _lookups.FindIndex(font => font.ContainsGlyph(rune.Value));
        return index < 0 ? null : typefaces[index];
    }

    private static SKFont NewFont(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };

    /// <summary>
    /// Right-to-left runs (Hebrew letters and the spaces and marks between them) are reversed, so a Hebrew name reads
    /// in the right order when its glyphs are set left to right. A full bidi algorithm is more than names need.
    /// </summary>
    internal static string VisualOrder(string text)
    {
        if (!text.EnumerateRunes().Any(IsRightToLeft))
        {
            return text;
        }

        var runes = text.EnumerateRunes().ToList();
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < runes.Count)
        {
            if (!IsRightToLeft(runes[index]))
            {
                result.Append(runes[index++].ToString());
                continue;
            }

            var end = index;
            for (var probe = index; probe < runes.Count && (IsRightToLeft(runes[probe]) || !Rune.IsLetterOrDigit(runes[probe])); probe++)
            {
                if (IsRightToLeft(runes[probe]))
                {
                    end = probe;
                }
            }

            for (var back = end; back >= index; back--)
            {
                result.Append(runes[back].ToString());
            }

            index = end + 1;
        }

        return result.ToString();
    }

    private static bool IsRightToLeft(Rune rune) => rune.Value is (>= 0x0590 and <= 0x05FF) or (>= 0xFB1D and <= 0xFB4F);
}
