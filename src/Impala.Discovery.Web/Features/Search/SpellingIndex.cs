using System.Buffers;
using Impala.Discovery.Web.Data;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The words of the index's names, artists, places and facts (the import writes them, see <see cref="SearchIndex"/>),
/// each filed under its three-letter pieces, in memory. A mistyped word's candidates are the words that keep enough of
/// its pieces and have about its length; only those are compared letter by letter, never the whole list.
/// </summary>
public sealed class SpellingIndex
{
    // Pieces are read from words marked at both ends ("^tune$"), so a first or last letter makes pieces of its own.
    private const char Start = '^';
    private const char End = '$';

    // Letters, digits and the two marks: a piece of three is a number below Symbols³, the index of its word list.
    private const int Symbols = 38;

    private readonly string[] _words;
    private readonly int[][] _wordsByPiece;

    private SpellingIndex(string[] words, int[][] wordsByPiece)
    {
        _words = words;
        _wordsByPiece = wordsByPiece;
    }

    public static SpellingIndex Empty { get; } = Build([]);

    public int Count => _words.Length;

    /// <summary>Files each word (folded: lower-case ASCII letters and digits) under its pieces.</summary>
    public static SpellingIndex Build(IEnumerable<string> words)
    {
        var list = words.Distinct(StringComparer.Ordinal).ToArray();
        var byPiece = new List<int>?[Symbols * Symbols * Symbols];
        for (var index = 0; index < list.Length; index++)
        {
            foreach (var piece in Pieces(list[index]))
            {
                (byPiece[piece] ??= []).Add(index);
            }
        }

        return new SpellingIndex(list, byPiece.Select(ids => ids?.ToArray() ?? []).ToArray());
    }

    /// <summary>
    /// Words within <see cref="SearchText.TyposAllowed"/> typos of <paramref name="word"/> (folded), the word itself
    /// left out: fewest typos first, then those keeping most of its pieces.
    /// </summary>
    public List<(string Word, int Typos)> Near(string word)
    {
        var allowed = SearchText.TyposAllowed(word.Length);
        if (allowed == 0 || _words.Length == 0)
        {
            return [];
        }

        // A typo breaks at most four pieces (two letters swapped), so a word within k typos keeps all but 4k of them.
        var pieces = Pieces(word);
        var needed = Math.Max(1, pieces.Count - 4 * allowed);
        // Counts of shared pieces by word; a rented array may hold another caller's numbers, so it is cleared first.
        var shared = ArrayPool<int>.Shared.Rent(_words.Length);
        Array.Clear(shared, 0, _words.Length);
        var touched = new List<int>();
        try
        {
            foreach (var piece in pieces)
            {
                foreach (var id in _wordsByPiece[piece])
                {
                    if (shared[id]++ == 0)
                    {
                        touched.Add(id);
                    }
                }
            }

            var near = new List<(string Word, int Typos, int Shared)>();
            foreach (var id in touched)
            {
                var candidate = _words[id];
                if (shared[id] >= needed && Math.Abs(candidate.Length - word.Length) <= allowed && candidate != word
                    && SearchText.Distance(word, candidate, allowed) is var typos && typos <= allowed)
                {
                    near.Add((candidate, typos, shared[id]));
                }
            }

            return near.OrderBy(found => found.Typos).ThenByDescending(found => found.Shared).ThenBy(found => found.Word, StringComparer.Ordinal)
                .Select(found => (found.Word, found.Typos))
                .ToList();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shared);
        }
    }

    private static HashSet<int> Pieces(string word)
    {
        var pieces = new HashSet<int>();
        var marked = Start + word + End;
        for (var start = 0; start + 3 <= marked.Length; start++)
        {
            pieces.Add((Symbol(marked[start]) * Symbols + Symbol(marked[start + 1])) * Symbols + Symbol(marked[start + 2]));
        }

        return pieces;
    }

    // Folded words hold only these; anything else (never expected) shares the start mark's number rather than failing.
    private static int Symbol(char character) => character switch
    {
        >= 'a' and <= 'z' => character - 'a' + 2,
        >= '0' and <= '9' => character - '0' + 28,
        End => 1,
        _ => 0,
    };
}
