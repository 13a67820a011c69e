namespace Impala.Discovery.Web.Features.Shared;

/// <summary>An entry as a card in a grid or a list: enough to recognise it and follow the link.</summary>
public sealed record EntryCard(
    string Name,
    string KindKey,
    string KindSingular,
    string Slug,
    string? City,
    int? Year,
    string? YearLabel,
    IReadOnlyList<string> Countries)
{
    public string Path => $"/{KindKey}/{Slug}";

    /// <summary>"London, United Kingdom · 1990", leaving out what the entry does not have.</summary>
    public string Caption
    {
        get
        {
            var place = string.Join(", ", new[] { City }.Concat(Countries.Take(3)).Where(part => !string.IsNullOrEmpty(part)));
            if (Countries.Count > 3)
            {
                place += $" and {Countries.Count - 3} more";
            }

            return string.Join(" · ", new[] { place, YearLabel }.Where(part => !string.IsNullOrEmpty(part)));
        }
    }
}
