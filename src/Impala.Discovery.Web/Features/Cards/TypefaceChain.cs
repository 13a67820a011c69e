using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// One family as a list of typefaces tried in order for each character: the font files are split by script
/// (@fontsource ships one file per subset), and a script the family lacks falls back to the next typeface.
/// Text is turned into outlines here, so cards, badges and artwork look the same in a PNG and in any browser's SVG.
/// </summary>
/// <remarks>
/// Each run of characters that one typeface sets is shaped by HarfBuzz (kerning, ligatures, combining marks placed
/// on their letter). Text is composed first (NFC), so "e" + U+0301 is the "é" every subset has; a mark that stays
/// separate is set in its letter's typeface when that has it, and is left out when no typeface has it, rather than
/// set as an empty box beside the letter. Hebrew runs are shaped right to left and placed where they stand in the
/// line; a full bidi algorithm is more than names need.
/// </remarks>
public sealed class TypefaceChain
{
    private readonly IReadOnlyList<SKTypeface> _typefaces;
    private readonly List<SKFont> _lookups;

    /// <summary>One shaper per typeface, built once: shaping reads it and never changes it, so threads may share it.</summary>
    private readonly List<SKShaper> _shapers;

    public TypefaceChain(IReadOnlyList<SKTypeface> typefaces)
    {
        _typefaces = typefaces;
        _lookups = typefaces.Select(typeface => new SKFont(typeface)).ToList();
        _shapers = typefaces.Select(typeface => new SKShaper(typeface)).ToList();
    }

    /// <summary>True when every visible character of the text has a glyph in one of the typefaces.</summary>
    public bool Covers(string text) =>
        text.EnumerateRunes().All(rune => Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || FindTypeface(rune) >= 0);

    /// <summary>The text's outline with its left end on the baseline at the origin, and its advance width.</summary>
    public TextLine Shape(string text, float size, float tracking = 0)
    {
        using var path = new SKPathBuilder();
        var width = Set(text, size, tracking, (font, glyph, x, y) =>
        {
            using var outline = font.GetGlyphPath(glyph);
            if (outline is not null)
            {
                path.AddPath(outline, x, y);
            }
        });
        return new TextLine(path.Detach(), width);
    }

    /// <summary>The advance width of the text as <see cref="Shape"/> sets it, without building its outline.</summary>
    public float Measure(string text, float size, float tracking = 0) => Set(text, size, tracking, place: null);

    /// <summary>
    /// The line's direction runs, in the order they stand from left to right: a Hebrew run reaches from its first to
    /// its last Hebrew letter (spaces and marks between them belong to it).
    /// </summary>
    public static IReadOnlyList<TextRun> DirectionRuns(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var runs = new List<TextRun>();
        var pending = new StringBuilder();
        var index = 0;
        while (index < runes.Count)
        {
            if (!IsRightToLeft(runes[index]))
            {
                pending.Append(runes[index++].ToString());
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

            if (pending.Length > 0)
            {
                runs.Add(new TextRun(pending.ToString(), RightToLeft: false));
                pending.Clear();
            }

            runs.Add(new TextRun(string.Concat(runes.Skip(index).Take(end - index + 1)), RightToLeft: true));
            index = end + 1;
        }

        if (pending.Length > 0)
        {
            runs.Add(new TextRun(pending.ToString(), RightToLeft: false));
        }

        return runs;
    }

    /// <summary>Sets the text glyph by glyph, left to right, calling <paramref name="place"/> for each; gives the width.</summary>
    private float Set(string text, float size, float tracking, Action<SKFont, ushort, float, float>? place)
    {
        var x = 0f;
        var clusters = 0;
        foreach (var direction in DirectionRuns(text.Normalize(NormalizationForm.FormC)))
        {
            var pieces = TypefaceRuns(direction.Text);
            if (direction.RightToLeft)
            {
                pieces.Reverse();
            }

            foreach (var (typeface, piece) in pieces)
            {
                using var font = NewFont(_typefaces[typeface], size);
                using var buffer = new HarfBuzzSharp.Buffer();
                buffer.AddUtf16(piece);
                buffer.Direction = direction.RightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
                buffer.GuessSegmentProperties();
                var result = _shapers[typeface].Shape(buffer, 0, 0, font);
                var previousCluster = -1L;
                for (var glyph = 0; glyph < result.Codepoints.Length; glyph++)
                {
                    // Tracking opens the space between letters, not between a letter and its marks (one cluster).
                    if (result.Clusters[glyph] != previousCluster)
                    {
                        clusters++;
                        previousCluster = result.Clusters[glyph];
                    }

                    place?.Invoke(font, (ushort)result.Codepoints[glyph], x + result.Points[glyph].X + tracking * (clusters - 1), result.Points[glyph].Y);
                }

                x += result.Width;
            }
        }

        return clusters == 0 ? 0 : x + tracking * (clusters - 1);
    }

    /// <summary>The text cut where the typeface that sets it changes (see the remarks on marks).</summary>
    private List<(int Typeface, string Text)> TypefaceRuns(string text)
    {
        var runs = new List<(int Typeface, StringBuilder Text)>();
        foreach (var rune in text.EnumerateRunes())
        {
            int typeface;
            if (IsMark(rune))
            {
                if (runs.Count > 0 && _lookups[runs[^1].Typeface].ContainsGlyph(rune.Value))
                {
                    typeface = runs[^1].Typeface;
                }
                else if ((typeface = FindTypeface(rune)) < 0)
                {
                    continue;
                }
            }
            else
            {
                typeface = Math.Max(FindTypeface(rune), 0);
            }

            if (runs.Count > 0 && runs[^1].Typeface == typeface)
            {
                runs[^1].Text.Append(rune.ToString());
            }
            else
            {
                runs.Add((typeface, new StringBuilder(rune.ToString())));
            }
        }

        return runs.Select(run => (run.Typeface, run.Text.ToString())).ToList();
    }

    private int FindTypeface(Rune rune) => _lookups.FindIndex(font => font.ContainsGlyph(rune.Value));

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;

    private static SKFont NewFont(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };

    private static bool IsRightToLeft(Rune rune) => rune.Value is (>= 0x0590 and <= 0x05FF) or (>= 0xFB1D and <= 0xFB4F);
}
