using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Impala.Discovery.Web.Data;

/// <summary>
/// A hash of the rows one article is written as, without the keys the store hands out: two builds that would write
/// the same rows for it give the same hash, so a deploy need not write again what it would only write the same.
/// </summary>
public sealed class RowsHash : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Columns whose values the store hands out: they differ between two stores holding the same rows.</summary>
    public static bool IsStoreKey(string property) => property is "Id" or "ArticleId" or "EntryId";

    /// <summary>Starts a row of the named table: the same values in another table are another row.</summary>
    public void StartRow(string table) => Add(table);

    /// <summary>Adds one column's value as the store would take it; each value is framed, so "ab","c" and "a","bc" differ.</summary>
    public void Add(object? value)
    {
        if (value is null or DBNull)
        {
            _hash.AppendData([0]);
            return;
        }

        var text = value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var encoded = Encoding.UTF8.GetBytes(text);
        _hash.AppendData([1]);
        _hash.AppendData(BitConverter.GetBytes(encoded.Length));
        _hash.AppendData(encoded);
    }

    /// <summary>The hash of every row added so far, as text; the hash starts again empty.</summary>
    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset())[..32].ToLowerInvariant();

    public void Dispose() => _hash.Dispose();
}
