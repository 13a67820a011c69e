using System.Buffers;

namespace Impala.Discovery.Web.Features.Edge;

/// <summary>
/// The one test every redirect passes before it is sent: is this address a path on this site, read as one by every
/// browser? Stricter than <c>Url.IsLocalUrl</c>: browsers turn "\" into "/", skip tabs and newlines, and some
/// servers and proxies decode "%2F", so "/\host", "/%09/host" and "/%2F%2Fhost" can all lead off the site.
/// </summary>
public static class LocalPath
{
    // "/" followed by any of these reads as "//" (another host) to a browser or after Unicode normalisation.
    private static readonly SearchValues<char> SlashLike = SearchValues.Create("/\\\u2044\u2215\u2216\u29F5\u29F8\u29F9\uFE68\uFF0F\uFF3C");

    /// <summary>True when <paramref name="address"/> is an encoded path (and query) on this site, safe for a Location header.</summary>
    public static bool IsLocal(string? address)
    {
        if (string.IsNullOrEmpty(address) || address[0] != '/')
        {
            return false;
        }

        // Printable ASCII only: a Location header carries an encoded address, never raw spaces, controls or Unicode.
        foreach (var character in address)
        {
            if (character is <= ' ' or >= '\u007F' or '\\')
            {
                return false;
            }
        }

        if (!HasWellFormedEscapes(address))
        {
            return false;
        }

        // Decoded (twice, for servers that decode again), the path must still start with one slash and hold no controls.
        var path = address.Split('?', '#')[0];
        for (var round = 0; round < 3; round++)
        {
            if ((path.Length > 1 && SlashLike.Contains(path[1])) || path.Any(character => char.IsControl(character) || character == '\\'))
            {
                return false;
            }

            var decoded = Uri.UnescapeDataString(path);
            if (decoded == path)
            {
                break;
            }

            path = decoded;
        }

        return !(path.Length > 1 && (SlashLike.Contains(path[1]) || char.IsWhiteSpace(path[1])));
    }

    /// <summary>
    /// The lower-case form of an encoded path: ASCII letters lowered, percent-escapes kept as escapes (hex in
    /// upper case), nothing decoded. Null when the path has no capital outside its escapes.
    /// </summary>
    public static string? Lowercased(string encodedPath)
    {
        // Nearly every request has no capital at all: answer those without copying.
        if (!encodedPath.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            return null;
        }

        var result = new char[encodedPath.Length];
        var changed = false;
        for (var index = 0; index < encodedPath.Length; index++)
        {
            var character = encodedPath[index];
            if (character == '%' && index + 2 < encodedPath.Length && char.IsAsciiHexDigit(encodedPath[index + 1]) && char.IsAsciiHexDigit(encodedPath[index + 2]))
            {
                result[index] = '%';
                result[index + 1] = char.ToUpperInvariant(encodedPath[index + 1]);
                result[index + 2] = char.ToUpperInvariant(encodedPath[index + 2]);
                index += 2;
                continue;
            }

            changed |= char.IsAsciiLetterUpper(character);
            result[index] = char.IsAsciiLetterUpper(character) ? char.ToLowerInvariant(character) : character;
        }

        return changed ? new string(result) : null;
    }

    private static bool HasWellFormedEscapes(string address)
    {
        for (var index = address.IndexOf('%'); index >= 0; index = address.IndexOf('%', index + 1))
        {
            if (index + 2 >= address.Length || !char.IsAsciiHexDigit(address[index + 1]) || !char.IsAsciiHexDigit(address[index + 2]))
            {
                return false;
            }
        }

        return true;
    }
}
