using System.Text.RegularExpressions;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The fact or sentence that shows why a result matched, with each word that matched the query marked: the fact line
/// when the query found an artist, place or fact, else the sentence of the prose with the most matched words.
/// </summary>
public sealed partial class SearchSnippet
{
    // About two lines on a phone: enough to read the sentence around the match.
    private const int MaxLength = 220;

    private readonly HashSet<string> _whole = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    // Prose repeats its words: each is folded once per query.
    private readonly Dictionary<string, bool> _matched = new(StringComparer.Ordinal);

    public SearchSnippet(SearchQuery query)
    {
        foreach (var alternative in query.Slots.SelectMany(slot => slot.Alternatives).Concat(query.Whole))
        {
            _whole.UnionWith(alternative.Words);
            if (alternative.Prefix && alternative.Words[^1].Length > 1)
            {
                _prefixes.Add(alternative.Words[^1]);
            }
        }
    }

    /// <summary>
    /// The line of <paramref name="facts"/> (one fact a line) or the sentence of <paramref name="prose"/> with the most
    /// matched words, the fact when they tie: "Artists: DJ Food, Mr. Scruff, Amon Tobin" says best why Ninja Tune matched.
    /// </summary>
    public IReadOnlyList<SnippetPart> For(string facts, string prose)
    {
        var fact = Best(facts.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var sentence = Best(Sentences().Split(Spaces().Replace(prose, " ").Trim()));
        return fact.Marks > 0 && fact.Marks >= sentence.Marks ? fact.Parts : sentence.Parts;
    }

    /// <summary><paramref name="text"/> with its matched words marked.</summary>
    public IReadOnlyList<SnippetPart> Mark(string text) => Parts(text).Parts;

    private (IReadOnlyList<SnippetPart> Parts, int Marks) Best(IEnumerable<string> texts)
    {
        (IReadOnlyList<SnippetPart> Parts, int Marks) best = ([], -1);
        foreach (var text in texts)
        {
            var parts = Parts(text);
            if (parts.Marks > best.Marks)
            {
                best = parts;
            }
        }

        return best.Marks < 0 ? ([], 0) : best;
    }

    private (IReadOnlyList<SnippetPart> Parts, int Marks) Parts(string text)
    {
        var parts = new List<SnippetPart>();
        var (at, marks, firstMark) = (0, 0, -1);
        foreach (Match word in Words().Matches(text))
        {
            if (!_matched.TryGetValue(word.Value, out var matched))
            {
                matched = _matched[word.Value] = Matches(SearchText.Compact(word.Value));
            }

            if (!matched)
            {
                continue;
            }

            firstMark = firstMark < 0 ? word.Index : firstMark;
            parts.Add(new SnippetPart(text[at..word.Index], false));
            parts.Add(new SnippetPart(word.Value, true));
            (at, marks) = (word.Index + word.Length, marks + 1);
        }

        parts.Add(new SnippetPart(text[at..], false));
        return (Shorten(parts.Where(part => part.Text.Length > 0).ToList(), Math.Max(0, firstMark)), marks);
    }

    private bool Matches(string word) =>
        word.Length > 0 && (_whole.Contains(word) || _prefixes.Exists(prefix => word.StartsWith(prefix, StringComparison.Ordinal)));

    // A long sentence is cut to about MaxLength characters, keeping the first match in view.
    private static List<SnippetPart> Shorten(List<SnippetPart> parts, int firstMark)
    {
        var length = parts.Sum(part => part.Text.Length);
        if (length <= MaxLength)
        {
            return parts;
        }

        var start = Math.Max(0, Math.Min(firstMark - MaxLength / 3, length - MaxLength));
        var (end, position, shortened) = (start + MaxLength, 0, new List<SnippetPart>());
        foreach (var part in parts)
        {
            var (from, to) = (Math.Max(start, position), Math.Min(end, position + part.Text.Length));
            if (from < to)
            {
                shortened.Add(part with { Text = part.Text[(from - position)..(to - position)] });
            }

            position += part.Text.Length;
        }

        if (start > 0)
        {
            shortened.Insert(0, new SnippetPart("…", false));
        }

        if (end < length)
        {
            shortened.Add(new SnippetPart("…", false));
        }

        return shortened;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}'\u2019]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=\p{Lu}|\p{N}|[""“‘'(\[])")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
