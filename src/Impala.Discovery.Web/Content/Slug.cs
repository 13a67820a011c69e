using System.Globalization;
using System.Text;

namespace Impala.Discovery.Web.Content;

/// <summary>Turns names into the lower-case ASCII segments used in permanent URLs.</summary>
public static class Slug
{
    // Letters that Unicode decomposition does not fold to ASCII on its own.
    private static readonly Dictionary<char, string> SpecialLetters = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['ø'] = "o",
        ['œ'] = "oe",
        ['đ'] = "d",
        ['ł'] = "l",
        ['þ'] = "th",
        ['ı'] = "i",
    };

    public static string From(string name)
    {
        var builder = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var character in name.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark
                || character is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            var ascii = SpecialLetters.TryGetValue(character, out var replacement)
                ? replacement
                : char.IsAsciiLetterOrDigit(character) ? character.ToString() : null;
            if (ascii is null)
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(ascii);
        }

        return builder.ToString();
    }

    /// <summary>True when the text is already a slug: what an editor may write after <c>**Slug:**</c>.</summary>
    public static bool IsValid(string text) => text.Length > 0 && From(text) == text;
}
