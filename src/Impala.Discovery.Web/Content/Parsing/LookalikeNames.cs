namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// Names that look like another name and are not: a word that mixes Latin letters with Cyrillic or Greek ones (a
/// Cyrillic 'а' in "Ninjа Tune" shows as Ninja Tune and folds to the address ninj-tune), and invisible characters that
/// split a word without showing (a zero-width space makes "Nin​ja Tune" the address nin-ja-tune). Such a name passes
/// for an entry it is not, on its page and in a link to it; the check refuses it, as registries of names do (the mixed
/// script rule of Unicode's security mechanisms, UTS #39).
/// </summary>
public static class LookalikeNames
{
    // Invisible and never needed inside a name. Joiners (U+200C, U+200D) stay: scripts and emoji need them.
    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create("\u00AD\u180E\u200B\u2060\u2061\u2062\u2063\u2064\uFEFF");

    /// <summary>What makes <paramref name="name"/> look like another, in a sentence for the editor; null when nothing does.</summary>
    public static string? Problem(string name)
    {
        if (name.AsSpan().IndexOfAny(Invisible) is var at and >= 0)
        {
            return InvisibleAt(name, at);
        }

        // The joiners shape Arabic, Indic scripts and emoji; between two Latin, Greek or Cyrillic letters they do nothing
        // but split the address ("Nin‍ja Tune" at nin-ja-tune).
        for (var index = 1; index < name.Length - 1; index++)
        {
            if (name[index] is '\u200C' or '\u200D' && ScriptOf(name[index - 1]) is not null && ScriptOf(name[index + 1]) is not null)
            {
                return InvisibleAt(name, index);
            }
        }

        // A ligature (ﬁ, as some fonts' text pastes) shows as its letters but is none of them: "ﬁne Records" would live at
        // ne-records. Addresses are never folded anew (they must not move), so the name is refused instead.
        if (name.AsSpan().IndexOfAnyInRange('\uFB00', '\uFB06') is var ligature and >= 0)
        {
            return $"holds the ligature '{name[ligature]}' at position {ligature + 1}, one character that looks like several letters and "
                + "drops out of its address. Type the letters themselves.";
        }

        foreach (var word in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var scripts = word.Where(char.IsLetter).Select(ScriptOf).Where(script => script is not null).Distinct().ToList();
            if (scripts.Count > 1)
            {
                return $"mixes {string.Join(" and ", scripts)} letters in the word '{word}', which makes it look like a name it is not. "
                    + "Type the word again in one alphabet.";
            }
        }

        return null;
    }

    private static string InvisibleAt(string name, int at) =>
        $"holds an invisible character (U+{(int)name[at]:X4}) at position {at + 1}, which splits its address without showing. Delete it: retype the name.";

    private static string? ScriptOf(char letter) => letter switch
    {
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF') => "Latin",
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => "Greek",
        >= '\u0400' and <= '\u052F' => "Cyrillic",
        _ => null,
    };
}
