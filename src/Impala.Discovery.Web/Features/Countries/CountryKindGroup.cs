using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Countries;

/// <summary>The entries of one kind in a country.</summary>
public sealed record CountryKindGroup(KindSummary Kind, IReadOnlyList<EntryCard> Entries);
