using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Text as the search index holds it: folded the way slugs fold ("L'Usine" → lusine, "Sony/BMG" → sony bmg,
/// "Ærø" → aero), so that a query folded the same way meets it whatever the visitor typed.
/// </summary>
public static class SearchText
{
    /// <summary>Words shorter than this are not corrected: one typo in a four-letter word makes another word.</summary>
    public const int MinTypoLength = 5;

    /// <summary>From this length a word may have two typos (the rule of Algolia and Meilisearch).</summary>
    public const int TwoTyposLength = 9;

    private static readonly System.Buffers.SearchValues<char> TransliteratedLetters = System.Buffers.SearchValues.Create("äöüøåÄÖÜØÅ");

    /// <summary>The folded words of <paramref name="text"/>: lower-case ASCII letters and digits.</summary>
    public static string[] Words(string text) => Slug.From(text).Split('-', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The words run together, as a slug without its hyphens: "Ninja Tune" and "ninja-tune" are both ninjatune.</summary>
    public static string Compact(string text) => Slug.From(text).Replace("-", "", StringComparison.Ordinal);

    /// <summary>
    /// The spelling of <paramref name="text"/> as German, Danish and Swedish write it in ASCII (ä → ae, ø → oe, å → aa),
    /// or null when it is the same as the plain fold (ä → a): an index holds both, a query tries both.
    /// </summary>
    public static string? Transliterated(string text)
    {
        // Most names have none of these letters: looked for before any lower-casing, which is dear for accented text.
        if (text.AsSpan().IndexOfAny(TransliteratedLetters) < 0)
        {
            return null;
        }

        return text.ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal);
    }

    /// <summary>
    /// A name as an indexed column holds it: its folded words, then its compact form when that differs, then the
    /// transliterated spelling when there is one, so "København" is found as kobenhavn, koebenhavn or a typo of either.
    /// Forms are separated by '|', which the tokenizer skips and the ranking reads back.
    /// </summary>
    public static string Forms(string name) => string.Join(" | ", FormList(name));

    /// <summary>The forms of <see cref="Forms"/>, one by one.</summary>
    public static List<string> FormList(string name)
    {
        var forms = new List<string>(3);
        AddForms(forms, name);
        if (Transliterated(name) is { } transliterated)
        {
            AddForms(forms, transliterated);
        }

        return forms.Count > 1 ? forms.Distinct(StringComparer.Ordinal).ToList() : forms;
    }

    /// <summary>How many typos a word of this many letters may have and still match.</summary>
    public static int TyposAllowed(int length) => length >= TwoTyposLength ? 2 : length >= MinTypoLength ? 1 : 0;

    /// <summary>
    /// The optimal string alignment distance (Levenshtein with transposed neighbours counting as one typo, as
    /// "paradsio" for "paradiso"), or <paramref name="bound"/> + 1 once it is known to be larger. Only ever run on the
    /// few candidates the spelling index returns, never on every row.
    /// </summary>
    public static int Distance(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound)
        {
            return bound + 1;
        }

        var rows = new int[3][];
        for (var row = 0; row < 3; row++)
        {
            rows[row] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var (beforePrevious, previous, current) = (rows[(i + 1) % 3], rows[(i + 2) % 3], rows[i % 3]);
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > bound)
            {
                return bound + 1;
            }
        }

        return Math.Min(rows[a.Length % 3][b.Length], bound + 1);
    }

    private static void AddForms(List<string> forms, string name)
    {
        var slug = Slug.From(name);
        if (slug.Length == 0)
        {
            return;
        }

        forms.Add(slug.Replace('-', ' '));
        if (slug.Contains('-', StringComparison.Ordinal))
        {
            forms.Add(slug.Replace("-", "", StringComparison.Ordinal));
        }
    }
}
