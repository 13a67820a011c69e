using System.Globalization;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// Names in the order people read them: "MTJ" after "Magneoton", "[PIAS]" between "Ninja Tune" and "Preiser", "The
/// Raveonettes" before "Thee Attacks". Case, accents and punctuation are ignored, spaces are not (word by word), with
/// the invariant culture's collation. The store keeps each entry's key so SQL can page a kind in this order (SQLite
/// compares blobs byte by byte, which is how sort keys compare).
/// </summary>
public static class NameOrder
{
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    private static readonly CompareInfo Invariant = CultureInfo.InvariantCulture.CompareInfo;

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(
        (left, right) => Invariant.Compare(WithoutPunctuation(left), WithoutPunctuation(right), Options));

    public static byte[] KeyOf(string name) => Invariant.GetSortKey(WithoutPunctuation(name), Options).KeyData;

    // IgnoreSymbols would drop the spaces too, and with them the word boundaries.
    private static string WithoutPunctuation(string name) =>
        string.Concat(name.Where(character => !char.IsPunctuation(character) && !char.IsSymbol(character))).Trim();
}
