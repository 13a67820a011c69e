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

    /// <summary>What is wrong with an address this long, or null: see <see cref="Parsing.ParserLimits.MaxAddressLength"/>.</summary>
    public static string? TooLong(string slug) => slug.Length <= Parsing.ParserLimits.MaxAddressLength ? null
        : $"The web address '{slug[..40]}…' is {Parsing.ParserLimits.Number(slug.Length)} characters long; an address is at most "
            + $"{Parsing.ParserLimits.MaxAddressLength}, so that links to it, and the sitemap, keep it whole.";

    public static string From(string name)
    {
        var lower = name.ToLowerInvariant();
        // Most names are plain ASCII, which decomposition leaves as it is: skipped for them, as the import folds every
        // name, artist and place it indexes.
        var text = Ascii.IsValid(lower) ? lower : lower.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var written in text)
        {
            // Fullwidth forms of ASCII (Ｎｉｎｊａ, as East Asian input methods type them) are the same letters: folded, as
            // compatibility normalisation would, so that such a name lands on the address it looks like.
            var character = written is >= '\uFF01' and <= '\uFF5E' ? (char)(written - 0xFEE0) : written;
            if (character is '\'' or '\u2019' or '\u2018'
                || (!char.IsAscii(character) && CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark))
            {
                continue;
            }

            string? special = null;
            if (!char.IsAsciiLetterOrDigit(character) && (char.IsAscii(character) || !SpecialLetters.TryGetValue(character, out special)))
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            // Lower-cased again: 'İ' has no invariant lower case and decomposes into a capital I and a dot.
            _ = special is null ? builder.Append(char.ToLowerInvariant(character)) : builder.Append(special);
        }

        return builder.ToString();
    }

    /// <summary>True when the text is already a slug: what an editor may write after <c>**Slug:**</c>.</summary>
    public static bool IsValid(string text) => text.Length > 0 && From(text) == text;
}
