namespace Impala.Discovery.Web.Data;

/// <summary>A row of the search index by what it is: enough to find an entry's rows among its article's.</summary>
/// <param name="Id">The row's id in the index.</param>
/// <param name="Type">entry, artist or article (see <see cref="SearchIndex"/>).</param>
/// <param name="Key">The entry's id, the artist's slug or the article's slug.</param>
public sealed record SearchRowKind(long Id, string Type, string Key);
