using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>An entry as a card in a grid or a list: enough to recognise it and follow the link, with its picture if it has one.</summary>
public sealed record EntryCard(
    string Name,
    string KindKey,
    string KindSingular,
    string Slug,
    string Caption,
    int? Year,
    string? YearLabel,
    IReadOnlyList<string> Countries,
    PictureView? Picture = null)
{
    public string Path => SitePaths.Entry(KindKey, Slug);
}
