namespace Impala.Discovery.Tests;

/// <summary>
/// One address for each kind of page the site renders, on the frozen content fixture (Fixtures/content/). The page
/// tests and the browser checks both compile this file, so a template added here is checked by both.
/// </summary>
public static class PageTemplates
{
    /// <summary>An entry address that does not exist: a typo a visitor might make.</summary>
    public const string NotFound = "/labels/ninja-tunes";

    /// <summary>Pages in the site's layout: each has a title, a description, a canonical link and one heading.</summary>
    public static IReadOnlyList<string> SitePages { get; } =
    [
        "/", "/about", "/series", "/series/record-labels", "/series/music-venues", "/series/national-associations", "/series/impala-milestones",
        "/labels", "/venues", "/associations", "/milestones", "/labels?country=denmark", "/venues?decade=2000s",
        "/labels/ninja-tune", "/labels/cobalt-music", "/venues/a38", "/venues/rockefeller", "/associations/runda", "/milestones/sony-bmg-court-victory",
        "/countries", "/countries/denmark", "/artists", "/artists/amon-tobin",
        "/search", "/search?q=jazz", "/search?q=amon", "/search?q=zzzzqqq", "/search?q=berghian%20zzzzqqq",
    ];

    /// <summary>The cards other sites frame: no layout around them.</summary>
    public static IReadOnlyList<string> Embeds { get; } = ["/embed/labels/ninja-tune", "/embed/series/record-labels"];

    /// <summary>Every template: the site's pages, the embeds and the 404 page.</summary>
    public static IReadOnlyList<string> Paths { get; } = [.. SitePages, .. Embeds, NotFound];

    public static TheoryData<string> All => [.. Paths];

    public static TheoryData<string> AllSitePages => [.. SitePages];

    public static int ExpectedStatus(string path) => path == NotFound ? 404 : 200;

    /// <summary>A file name for the page's screenshot: "/" is home, the 404 page is not-found, others follow the address.</summary>
    public static string FileName(string path)
    {
        if (path == "/")
        {
            return "home";
        }

        if (path == NotFound)
        {
            return "not-found";
        }

        var name = new string(path.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return string.Join('-', name.Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
