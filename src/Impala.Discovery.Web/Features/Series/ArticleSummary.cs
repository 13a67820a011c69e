using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Web.Features.Series;

/// <summary>An article as listed on the home page and in the series.</summary>
public sealed record ArticleSummary(string Slug, string Title, string Summary, DateOnly Published, string KindKey, string KindPlural, string Colour, int EntryCount)
{
    public string Path => SitePaths.Article(Slug);
}
