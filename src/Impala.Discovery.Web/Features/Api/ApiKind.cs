using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Web.Features.Api;

/// <summary>A kind of entry with its facts schema and how many entries it has.</summary>
public sealed record ApiKind(
    string Key,
    string Singular,
    string Plural,
    string Colour,
    string Intro,
    IReadOnlyList<ApiFactDefinition> Facts,
    int EntryCount,
    string Url,
    string ApiUrl)
{
    public static ApiKind From(KindSummary kind, KindDefinition? definition, HttpContext context) =>
        new(kind.Key, kind.Singular, kind.Plural, kind.Colour, kind.Intro,
            definition?.Facts.Select(ApiFactDefinition.From).ToList() ?? [],
            kind.Count,
            SiteAddress.Absolute(context, SitePaths.Kind(kind.Key)),
            SiteAddress.Absolute(context, SitePaths.ApiKind(kind.Key)));
}
