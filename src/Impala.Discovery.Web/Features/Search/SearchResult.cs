using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>One entry found, with the words of its prose around what matched.</summary>
public sealed record SearchResult(EntryCard Entry, IReadOnlyList<SnippetPart> Snippet);
