using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Impala.Discovery.BrowserTests;

/// <summary>
/// A breadth-first crawl of the site from "/" over HTTP, as a search engine or a visitor clicking around would do it:
/// every internal &lt;a href&gt; is followed (no depth limit), every stylesheet and icon is fetched, and each page keeps
/// the smallest number of clicks it takes from the home page. Run once, shared by the crawl tests.
/// </summary>
public sealed class SiteCrawl(SiteServer site) : IAsyncLifetime
{
    /// <summary>A safety stop: the site has a few hundred pages, so reaching this means links generate addresses without end.</summary>
    public const int MaxPages = 5000;

    private const int MaxRedirects = 5;
    private static readonly HtmlParser Parser = new();

    private readonly ConcurrentDictionary<string, int> _depths = new();
    private readonly ConcurrentDictionary<string, bool> _resources = new();
    private readonly ConcurrentQueue<BrokenLink> _broken = new();

    /// <summary>Every page reached, by path and query, with its number of clicks from "/".</summary>
    public IReadOnlyDictionary<string, int> Depths => _depths;

    /// <summary>Every stylesheet and icon the pages link to.</summary>
    public IReadOnlyCollection<string> Resources => _resources.Keys.ToList();

    public IReadOnlyList<BrokenLink> Broken => [.. _broken];

    /// <summary>The paths listed in /sitemap.xml.</summary>
    public IReadOnlyList<string> SitemapPaths { get; private set; } = [];

    public bool StoppedAtMaxPages { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _depths["/"] = 0;
        List<(string Path, string From)> level = [("/", "(start)")];
        for (var depth = 0; level.Count > 0; depth++)
        {
            var next = new ConcurrentQueue<(string Path, string From)>();
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (link, token) =>
            {
                var html = await FetchAsync(link.Path, link.From, token);
                if (html is not null)
                {
                    await CollectLinksAsync(link.Path, html, depth + 1, next, token);
                }
            });
            if (_depths.Count >= MaxPages)
            {
                StoppedAtMaxPages = true;
                break;
            }

            level = [.. next];
        }

        var sitemap = XDocument.Parse(await site.Http.GetStringAsync("/sitemap.xml", cancellationToken));
        SitemapPaths = sitemap.Descendants().Where(element => element.Name.LocalName == "loc")
            .Select(loc => new Uri(loc.Value.Trim()).PathAndQuery)
            .ToList();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Fetches a link, following 301s; returns the HTML when the final answer is a 200 HTML page.</summary>
    private async Task<string?> FetchAsync(string path, string from, CancellationToken cancellationToken)
    {
        var current = site.Address(path);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var response = await site.Http.GetAsync(current, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
                return isHtml ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
            }

            if (response.StatusCode != HttpStatusCode.MovedPermanently || response.Headers.Location is null)
            {
                _broken.Enqueue(new BrokenLink(from, path, $"{(int)response.StatusCode} {response.StatusCode}" + (hop > 0 ? $" after redirects, at {current.PathAndQuery}" : "")));
                return null;
            }

            current = new Uri(current, response.Headers.Location);
            if (!IsInternal(current))
            {
                _broken.Enqueue(new BrokenLink(from, path, $"301 to another site: {current}"));
                return null;
            }
        }

        _broken.Enqueue(new BrokenLink(from, path, $"more than {MaxRedirects} redirects"));
        return null;
    }

    private async Task CollectLinksAsync(string pagePath, string html, int depth, ConcurrentQueue<(string Path, string From)> next, CancellationToken cancellationToken)
    {
        var document = await Parser.ParseDocumentAsync(html, cancellationToken);
        var pageAddress = site.Address(pagePath);
        foreach (var href in document.QuerySelectorAll("a[href]").Select(anchor => anchor.GetAttribute("href")!))
        {
            if (Internal(pageAddress, href) is { } target && _depths.TryAdd(target, depth))
            {
                next.Enqueue((target, pagePath));
            }
        }

        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if ((rel.Contains("stylesheet") || rel.Contains("icon")) && Internal(pageAddress, link.GetAttribute("href")!) is { } target
                && _resources.TryAdd(target, true))
            {
                await FetchAsync(target, pagePath, cancellationToken);
            }
        }
    }

    /// <summary>The path and query of an internal http link (fragment dropped), or null for other sites, tel: and mailto:.</summary>
    private string? Internal(Uri page, string href)
    {
        if (!Uri.TryCreate(page, href.Trim(), out var target) || !IsInternal(target))
        {
            return null;
        }

        return target.PathAndQuery;
    }

    private bool IsInternal(Uri address) =>
        address.Scheme is "http" or "https" && Uri.Compare(address, site.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
