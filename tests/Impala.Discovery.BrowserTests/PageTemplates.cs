namespace Impala.Discovery.BrowserTests;

/// <summary>One address for each kind of page the site renders: every check runs over all of them.</summary>
public static class PageTemplates
{
    /// <summary>An entry address that does not exist: a typo a visitor might make.</summary>
    public const string NotFound = "/labels/ninja-tunes";

    public static IReadOnlyList<string> Paths { get; } =
    [
        "/", "/series", "/series/record-labels", "/series/music-venues",
        "/labels", "/venues", "/associations", "/milestones",
        "/labels/ninja-tune", "/venues/a38", "/labels/cobalt-music", "/venues/rockefeller", "/associations/runda", "/milestones/sony-bmg-court-victory",
        "/countries", "/countries/denmark", "/artists", "/artists/amon-tobin",
        "/search?q=jazz", "/search?q=zzzzqqq", "/search", "/search?q=amon", "/search?q=berghian%20zzzzqqq",
        "/about", "/embed/labels/ninja-tune", "/embed/series/record-labels", NotFound,
    ];

    public static TheoryData<string> All => [.. Paths];

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
