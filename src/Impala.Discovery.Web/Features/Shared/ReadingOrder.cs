using System.Globalization;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// Names in the order people read them in an index: punctuation ignored ("[PIAS]" under P, "Mr. Scruff" beside
/// "Mr Scruff"), case and accents ignored ("Élodie" under E), spaces kept ("The Raveonettes" before "Thee Attacks").
/// </summary>
public static class ReadingOrder
{
    private static readonly CompareInfo Invariant = CultureInfo.InvariantCulture.CompareInfo;

    public static readonly IComparer<string> Names = Comparer<string>.Create(
        (left, right) => Invariant.Compare(KeyOf(left), KeyOf(right), CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace));

    private static string KeyOf(string name) =>
        string.Concat(name.Where(character => !char.IsPunctuation(character) && !char.IsSymbol(character))).Trim();
}
