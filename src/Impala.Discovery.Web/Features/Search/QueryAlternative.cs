namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// One way a word of the query may be found: folded words that must stand together (<see cref="Phrase"/>) or anywhere
/// in the same field, the last one as a prefix or whole, and how many typos it took to get there.
/// </summary>
public sealed record QueryAlternative(IReadOnlyList<string> Words, bool Prefix, bool Phrase = true, int Typos = 0)
{
    /// <summary>The alternative in FTS5's query syntax. Words are folded to ASCII letters and digits, so quoting them is enough.</summary>
    public string ToFts()
    {
        if (!Phrase)
        {
            return "(" + string.Join(" AND ", Words.Select((word, index) => Quote([word], Prefix && word.Length > 1))) + ")";
        }

        return Quote(Words, Prefix && Words[^1].Length > 1);
    }

    /// <summary>How well this alternative matches the words of one form of a name: null if not at all, else 0 whole, 1 as a prefix, 2 and up with typos.</summary>
    public int? MatchIn(string[] form)
    {
        if (Phrase)
        {
            for (var start = 0; start + Words.Count <= form.Length; start++)
            {
                if (MatchAt(form, start) is { } matched)
                {
                    return matched;
                }
            }

            return null;
        }

        var worst = 0;
        foreach (var word in Words)
        {
            var best = (int?)null;
            foreach (var token in form)
            {
                best = Min(best, WordMatch(word, token, isLast: true));
            }

            if (best is null)
            {
                return null;
            }

            worst = Math.Max(worst, best.Value);
        }

        return worst;
    }

    private int? MatchAt(string[] form, int start)
    {
        var worst = 0;
        for (var index = 0; index < Words.Count; index++)
        {
            if (WordMatch(Words[index], form[start + index], index == Words.Count - 1) is not { } matched)
            {
                return null;
            }

            worst = Math.Max(worst, matched);
        }

        return worst;
    }

    private int? WordMatch(string word, string token, bool isLast)
    {
        if (token == word)
        {
            return Typos == 0 ? 0 : 1 + Typos;
        }

        return Prefix && isLast && word.Length > 1 && token.StartsWith(word, StringComparison.Ordinal) ? 1 : null;
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static string Quote(IEnumerable<string> words, bool prefix) => "\"" + string.Join(' ', words) + "\"" + (prefix ? "*" : "");
}
