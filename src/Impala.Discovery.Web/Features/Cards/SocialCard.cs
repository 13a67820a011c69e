using SkiaSharp;

namespace Impala.Discovery.Web.Features.Cards;

/// <summary>
/// The 1200×630 picture a link preview shows (Open Graph, Twitter): the page's sleeve on the left, as a record in a
/// shop's window, and on paper beside it the kind badge, the title, the caption, where it belongs and the series' name.
/// </summary>
public static class SocialCard
{
    public const int Width = 1200;
    public const int Height = 630;

    private const float Left = Height + 64;
    private const float TextWidth = Width - Left - 60;
    private static readonly SKColor Paper = SKColor.Parse("#fbfaf7");
    private static readonly SKColor Ink = SKColor.Parse("#1c1917");
    private static readonly SKColor Muted = SKColor.Parse("#57534e");

    public static Drawing Draw(CardText text, Drawing artwork)
    {
        var card = new Drawing(Width, Height, text.Title);
        card.Fill(new SKRect(0, 0, Width, Height), Paper);
        card.Place(artwork, 0, 0, (float)Height / artwork.Height);

        var top = DrawBadge(card, text.Badge, text.Colour, 64) + 36;

        // The foot first (a rule, then where the page belongs): the title and caption get the room above it.
        const float Foot = Height - 58;
        var context = TextBlock.Fit(CardFonts.Display, text.Context, TextWidth, 60, 24, 18, maxLines: 2, leading: 1.2f);
        var contextTop = Foot - 44 - context.Height;
        var ruleTop = contextTop - 26;
        card.Fill(new SKRect(Left, ruleTop, Left + TextWidth, ruleTop + 2), Ink.WithAlpha(40));
        for (var index = 0; index < context.Lines.Count; index++)
        {
            Set(card, CardFonts.Display, context.Lines[index], context.Size, Left, contextTop + context.Size * 0.8f + index * context.LineHeight, Muted);
        }

        var caption = text.Caption.Length == 0 ? null : TextBlock.Fit(CardFonts.Text, text.Caption, TextWidth, 66, 25, 18, maxLines: 2, leading: 1.3f);
        var captionRoom = caption is null ? 0 : caption.Height + 22;
        var title = TextBlock.Fit(CardFonts.Display, text.Title, TextWidth, ruleTop - 28 - top - captionRoom, 72, 30, maxLines: 4, leading: 1.06f);
        var baseline = top + title.Size * 0.8f;
        foreach (var line in title.Lines)
        {
            Set(card, CardFonts.Display, line, title.Size, Left, baseline, Ink);
            baseline += title.LineHeight;
        }

        if (caption is not null)
        {
            baseline += -title.LineHeight + title.Size * 0.25f + 22 + caption.Size * 0.8f;
            foreach (var line in caption.Lines)
            {
                Set(card, CardFonts.Text, line, caption.Size, Left, baseline, Muted);
                baseline += caption.LineHeight;
            }
        }

        using (var diamond = new SKPathBuilder())
        {
            diamond.AddPoly([new SKPoint(Left, Foot - 7), new SKPoint(Left + 7, Foot - 14), new SKPoint(Left + 14, Foot - 7), new SKPoint(Left + 7, Foot)], close: true);
            using var shape = diamond.Detach();
            card.Fill(shape, text.Colour);
        }

        Set(card, CardFonts.Text, "IMPALA DISCOVERY SERIES", 17, Left + 26, Foot, Ink, tracking: 2.2f);
        return card;
    }

    /// <summary>The kind as a coloured pill of white capitals; returns where the pill ends.</summary>
    private static float DrawBadge(Drawing card, string badge, SKColor colour, float top)
    {
        const float Size = 17;
        var label = badge.ToUpperInvariant();
        var width = CardFonts.Text.Measure(label, Size, 1.8f);
        using (var pill = Outline.RoundRect(new SKRect(Left, top, Left + width + 32, top + 38), 19))
        {
            card.Fill(pill, colour);
        }

        Set(card, CardFonts.Text, label, Size, Left + 16, top + 25.5f, SKColors.White, tracking: 1.8f);
        return top + 38;
    }

    private static void Set(Drawing card, TypefaceChain chain, string text, float size, float x, float baseline, SKColor colour, float tracking = 0)
    {
        var line = chain.Shape(text, size, tracking);
        using var path = line.Path;
        path.Transform(SKMatrix.CreateTranslation(x, baseline));
        card.Fill(path, colour);
    }
}
