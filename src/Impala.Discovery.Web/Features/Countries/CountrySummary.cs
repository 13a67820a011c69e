using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Features.Countries;

/// <summary>A country with how many entries of each kind it has.</summary>
public sealed record CountrySummary(Country Country, int Total, IReadOnlyDictionary<string, int> CountsByKind)
{
    public string Path => SitePaths.Country(Country.Slug);
}
