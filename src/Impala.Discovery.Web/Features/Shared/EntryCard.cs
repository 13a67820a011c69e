namespace Impala.Discovery.Web.Features.Shared;

/// <summary>An entry as a card in a grid or a list: enough to recognise it and follow the link.</summary>
public sealed record EntryCard(
    string Name,
    string KindKey,
    string KindSingular,
    string Slug,
    string Caption,
    int? Year,
    string? YearLabel,
    IReadOnlyList<string> Countries)
{
    public string Path => SitePaths.Entry(KindKey, Slug);
}
