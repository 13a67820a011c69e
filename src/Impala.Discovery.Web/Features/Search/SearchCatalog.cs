using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>What a search reads besides the index, for one version of the content (see <see cref="SearchCatalogCache"/>).</summary>
/// <param name="Spelling">The words of names, artists, places and facts, filed for corrections.</param>
/// <param name="Kinds">The kinds that have entries, with their counts.</param>
/// <param name="EntriesByCountry">How many entries name each country, by slug; a country without entries is absent.</param>
public sealed record SearchCatalog(SpellingIndex Spelling, IReadOnlyList<KindSummary> Kinds, IReadOnlyDictionary<string, int> EntriesByCountry);
