using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// One result of a search: an entry, an artist, a country, a kind or an article, with its page, what it is
/// ("Label", "Artist"...), and the fact or sentence that matched with the matched words marked.
/// </summary>
/// <param name="Type">entry, artist, country, kind or article (the API's <c>type</c>).</param>
/// <param name="Name">The name as written.</param>
/// <param name="Path">Its page.</param>
/// <param name="ApiPath">Its API address, or null for artists (the API has none).</param>
/// <param name="Label">What it is, for people: the kind's singular for an entry, else "Artist", "Country", "List of entries", "Article".</param>
/// <param name="KindKey">The kind whose colour it wears, or null.</param>
/// <param name="Caption">What cards show under the name.</param>
/// <param name="Snippet">The fact or sentence that matched.</param>
/// <param name="Entry">The entry's card, for entries.</param>
public sealed record SearchMatch(
    string Type, string Name, string Path, string? ApiPath, string Label, string? KindKey, string Caption, IReadOnlyList<SnippetPart> Snippet, EntryCard? Entry);
