using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>A country as the API names it: English name, slug of its page, ISO 3166 code and both addresses.</summary>
public sealed record ApiCountryRef(string Name, string Slug, string Code, string Url, string ApiUrl)
{
    public static ApiCountryRef From(Country country, HttpContext context) =>
        new(country.Name, country.Slug, country.Code,
            SiteAddress.Absolute(context, SitePaths.Country(country.Slug)),
            SiteAddress.Absolute(context, SitePaths.ApiCountry(country.Slug)));

    /// <summary>The stored names are the site's own country names, so the lookup always finds one.</summary>
    public static ApiCountryRef FromName(string name, HttpContext context) => From(KnownCountries.Find(name)!, context);
}
