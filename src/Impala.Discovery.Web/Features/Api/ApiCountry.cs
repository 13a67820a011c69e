namespace Impala.Discovery.Web.Features.Api;

/// <summary>A country with its entries grouped by kind, kinds in the order of kinds.yml.</summary>
public sealed record ApiCountry(
    string Name,
    string Slug,
    string Code,
    string Url,
    string ApiUrl,
    int EntryCount,
    IReadOnlyList<ApiCountryKindGroup> Kinds);
