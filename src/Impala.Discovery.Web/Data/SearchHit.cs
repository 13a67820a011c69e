namespace Impala.Discovery.Web.Data;

/// <summary>One entry found by a search, with a snippet of its prose whose matched words are marked (see <see cref="SearchIndex.MatchStart"/>).</summary>
public sealed record SearchHit(int EntryId, string Snippet);
