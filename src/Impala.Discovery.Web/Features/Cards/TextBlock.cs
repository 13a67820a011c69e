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
            // One line more than the box holds already fails, so the rest of a long text is never wrapped.
            var lines = Wrap(chain, words, size, maxWidth, maxLines + 1);
            var block = new TextBlock(lines, size, size * leading);
            if (lines.Count <= maxLines && block.Height <= maxHeight && lines.All(line => chain.Measure(line, size) <= maxWidth))
            {
                return block;
            }
        }

        var lineHeight = minSize * leading;
        var room = Math.Max(1, Math.Min(maxLines, (int)((maxHeight - minSize) / lineHeight) + 1));
        var wrapped = Wrap(chain, words, minSize, maxWidth, room + 1);
        var fitted = wrapped.Take(room).Select(line => Cut(chain, line, minSize, maxWidth)).ToList();
        if (wrapped.Count > room)
        {
            fitted[^1] = Cut(chain, fitted[^1] + "\u2026", minSize, maxWidth, always: true);
        }

        return new TextBlock(fitted, minSize, lineHeight);
    }

    /// <summary>The words in lines that fit, stopping once there are <paramref name="maxCount"/> lines.</summary>
    private static List<string> Wrap(TypefaceChain chain, IReadOnlyList<string> words, float size, float maxWidth, int maxCount)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && chain.Measure(candidate, size) > maxWidth)
            {
                lines.Add(line);
                if (lines.Count == maxCount)
                {
                    return lines;
                }

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
    /// <remarks>
    /// The cut is the longest that fits of the lengths the line may be cut to (never between the halves of a surrogate
    /// pair, at least one character kept), found by halving: a few measures instead of one per character, which made a
    /// name of 10,000 characters cost half a minute. A longer piece of text is never narrower, so halving finds the cut
    /// that trying every length from the longest down would.
    /// </remarks>
    private static string Cut(TypefaceChain chain, string line, float size, float maxWidth, bool always = false)
    {
        if (!always && chain.Measure(line, size) <= maxWidth)
        {
            return line;
        }

        var text = line.TrimEnd('\u2026');
        var lengths = new List<int>();
        for (var length = text.Length; ; length -= char.IsLowSurrogate(text[length - 1]) ? 2 : 1)
        {
            lengths.Add(length);
            if (length <= 1)
            {
                break;
            }
        }

        // The last length is kept whether or not it fits; of the others, the first (longest) that fits.
        var (low, high) = (0, lengths.Count - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (chain.Measure(text[..lengths[middle]] + "\u2026", size) <= maxWidth)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return text[..lengths[low]].TrimEnd() + "\u2026";
    }
}
