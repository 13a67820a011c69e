namespace Impala.Discovery.Web.Features.Cards;

/// <summary>Text broken into lines at one size so that it fits a box: long names wrap first, then shrink.</summary>
public sealed record TextBlock(IReadOnlyList<string> Lines, float Size, float LineHeight)
{
    public float Height => Lines.Count == 0 ? 0 : (Lines.Count - 1) * LineHeight + Size;

    /// <summary>
    /// The largest size from <paramref name="maxSize"/> down to <paramref name="minSize"/> at which the words fit in
    /// <paramref name="maxLines"/> lines within the box; at the smallest size, what still does not fit is cut with an ellipsis.
    /// </summary>
    public static TextBlock Fit(TypefaceChain chain, string text, float maxWidth, float maxHeight, float maxSize, float minSize, int maxLines, float leading = 1.08f)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var size = maxSize; size > minSize; size *= 0.94f)
        {
            var lines = Wrap(chain, words, size, maxWidth);
            var block = new TextBlock(lines, size, size * leading);
            if (lines.Count <= maxLines && block.Height <= maxHeight && lines.All(line => chain.Measure(line, size) <= maxWidth))
            {
                return block;
            }
        }

        var fitted = Wrap(chain, words, minSize, maxWidth).Select(line => Cut(chain, line, minSize, maxWidth)).ToList();
        var lineHeight = minSize * leading;
        var room = Math.Max(1, Math.Min(maxLines, (int)((maxHeight - minSize) / lineHeight) + 1));
        if (fitted.Count > room)
        {
            fitted = fitted.Take(room).ToList();
            fitted[^1] = Cut(chain, fitted[^1] + "\u2026", minSize, maxWidth, always: true);
        }

        return new TextBlock(fitted, minSize, lineHeight);
    }

    private static List<string> Wrap(TypefaceChain chain, IReadOnlyList<string> words, float size, float maxWidth)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && chain.Measure(candidate, size) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The line shortened until it fits, ending in an ellipsis when anything was cut.</summary>
    private static string Cut(TypefaceChain chain, string line, float size, float maxWidth, bool always = false)
    {
        if (!always && chain.Measure(line, size) <= maxWidth)
        {
            return line;
        }

        var text = line.TrimEnd('\u2026');
        while (text.Length > 1 && chain.Measure(text + "\u2026", size) > maxWidth)
        {
            text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
        }

        return text.TrimEnd() + "\u2026";
    }
}
