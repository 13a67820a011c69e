using System.Globalization;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// A whole number written in an address, read as people write it: ASCII digits and nothing else. <see cref="int.TryParse(string?, NumberStyles, IFormatProvider?, out int)"/>
/// with <see cref="NumberStyles.None"/> alone is not enough: it also takes trailing NUL characters as nothing, so
/// "?page=1%00" read as page 1, one more address (and cache entry) for the same page.
/// </summary>
public static class DecimalDigits
{
    public static bool TryParse(string? text, out int number)
    {
        number = 0;
        return !string.IsNullOrEmpty(text) && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
