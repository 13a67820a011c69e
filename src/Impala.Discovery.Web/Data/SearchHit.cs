namespace Impala.Discovery.Web.Data;

/// <summary>
/// One row of the search index that matched a query: what it is (<see cref="SearchIndex.EntryType"/>, an artist or an
/// article) and its key, its folded columns for ranking, and its text as written for the snippet.
/// </summary>
/// <param name="Id">The row's id in the index (0 for a row made in memory).</param>
/// <param name="Type">entry, artist or article.</param>
/// <param name="Key">The entry's id, the artist's slug or the article's slug.</param>
/// <param name="Title">The name as written.</param>
/// <param name="Names">Folded names: the name, its compact form, slugs, full name (forms separated by '|').</param>
/// <param name="Artists">Folded artists' names.</param>
/// <param name="Places">Folded city and countries.</param>
/// <param name="Facts">Other folded facts and the kind.</param>
/// <param name="Detail">The facts as written, one "Key: value" a line (for an artist, the entry that names them).</param>
/// <param name="Body">The prose as written, read only for the results shown (see <see cref="SearchIndex.BodiesAsync"/>).</param>
/// <param name="Score">bm25 with the columns' weights: lower is better.</param>
public sealed record SearchHit(long Id, string Type, string Key, string Title, string Names, string Artists, string Places, string Facts, string Detail, string Body, double Score);
