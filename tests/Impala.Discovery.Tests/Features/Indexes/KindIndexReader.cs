using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>
/// Reads a kind index as a visitor does: the entries of every page, found by following each page's "next page" link,
/// and the filter chips with the count each one shows.
/// </summary>
public sealed class KindIndexReader(HttpClient client)
{
    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> _walked = [];

    /// <summary>One filter choice as the page shows it: its address when it is a link, the number it promises.</summary>
    public sealed record Chip(string Label, string? Href, int Count);

    /// <summary>The entry addresses of each page in turn, starting at <paramref name="path"/>; remembered per address.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> PagesAsync(string path)
    {
        if (_walked.TryGetValue(path, out var known))
        {
            return known;
        }

        var pages = new List<IReadOnlyList<string>>();
        for (var next = path; next is not null;)
        {
            var page = await GetAsync(next);
            pages.Add(EntryPaths(page));
            next = page.QuerySelector(".pages a[rel=next]")?.GetAttribute("href");
            Assert.True(pages.Count < 1000, $"{path} does not stop paging");
        }

        _walked[path] = pages;
        return pages;
    }

    public async Task<IReadOnlyList<string>> EntriesAsync(string path) => (await PagesAsync(path)).SelectMany(page => page).ToList();

    public async Task<IHtmlDocument> GetAsync(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Every chip that says a number ("All" says none), links or not.</summary>
    public static IReadOnlyList<Chip> Chips(IHtmlDocument page) =>
        page.QuerySelectorAll(".filters .chips li")
            .Where(item => item.QuerySelector(".count") is not null)
            .Select(item => new Chip(
                item.TextContent.Replace(item.QuerySelector(".count")!.TextContent, "", StringComparison.Ordinal).Trim(),
                item.QuerySelector("a")?.GetAttribute("href"),
                int.Parse(item.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>"20 labels" or "1–60 of 65 labels": the total the page says; zero when it says no entry matches.</summary>
    public static int TotalShown(IHtmlDocument page)
    {
        var text = page.QuerySelector(".result-count")?.TextContent.Trim();
        if (text is null)
        {
            return 0;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = words.Contains("of") ? words[Array.IndexOf(words, "of") + 1] : words[0];
        return int.Parse(number, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }

    // Cards, or the lines of a timeline: each links to its entry once.
    private static List<string> EntryPaths(IParentNode page) =>
        page.QuerySelectorAll(".cards .card > a, .timeline-entry > a").Select(link => link.GetAttribute("href")!).ToList();
}
