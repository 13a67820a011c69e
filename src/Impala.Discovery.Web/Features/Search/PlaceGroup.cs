namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// The names of one place, all meaning the same: "Copenhagen", "København". For a country the first is the name
/// the site uses (its page), the rest are what people also call it.
/// </summary>
public sealed record PlaceGroup(bool IsCountry, IReadOnlyList<string> Names);
