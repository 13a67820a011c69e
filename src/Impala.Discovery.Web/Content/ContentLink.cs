namespace Impala.Discovery.Web.Content;

/// <summary>A Markdown link to a page of this site, kept so that the importer can check its target exists.</summary>
public sealed record ContentLink(string Path, int Line, int Column)
{
    /// <summary>The page a site link leads to: its path without query, fragment or trailing slash.</summary>
    public static string PagePath(string url) => url.Split('#', '?')[0].TrimEnd('/');

    public static bool IsSitePath(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);
}
