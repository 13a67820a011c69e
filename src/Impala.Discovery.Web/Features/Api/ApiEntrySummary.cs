using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>An entry in a list: what its card on a page shows, with its page and API addresses.</summary>
public sealed record ApiEntrySummary(
    string Name,
    string Slug,
    string Kind,
    string Caption,
    int? Year,
    IReadOnlyList<ApiCountryRef> Countries,
    string Url,
    string ApiUrl)
{
    public static ApiEntrySummary From(EntryCard card, HttpContext context) =>
        new(card.Name, card.Slug, card.KindKey, card.Caption, card.Year,
            card.Countries.Select(name => ApiCountryRef.FromName(name, context)).ToList(),
            SiteAddress.Absolute(context, card.Path),
            SiteAddress.Absolute(context, SitePaths.ApiEntry(card.KindKey, card.Slug)));
}
