using System.Globalization;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Names in the order people read them: "MTJ" after "Magneoton", "[PIAS]" between "Ninja Tune" and "Preiser". Case,
/// accents and punctuation are ignored, with the invariant culture's collation. The store keeps each entry's key so
/// SQL can page a kind in this order (SQLite compares blobs byte by byte, which is how sort keys compare).
/// </summary>
public static class NameOrder
{
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols;

    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.InvariantCulture, Options);

    public static byte[] KeyOf(string name) => CultureInfo.InvariantCulture.CompareInfo.GetSortKey(name, Options).KeyData;
}
