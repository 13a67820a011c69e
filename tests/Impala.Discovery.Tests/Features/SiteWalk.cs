using System.Net;
using System.Xml.Linq;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features;

/// <summary>
/// Asks the site for every page a content folder gives it: the fixed pages, every kind's index (from the folder's
/// kinds.yml), every link on those index pages, a search for each kind, and every address in /sitemap.xml.
/// It assumes nothing about how many articles, entries or kinds there are, so it runs on the real content/ and on
/// any copy a test extends.
/// </summary>
public sealed class SiteWalk
{
    private readonly Dictionary<string, HttpStatusCode> _statuses = new(StringComparer.Ordinal);

    private SiteWalk()
    {
    }

    /// <summary>Every address asked for, with the status it answered.</summary>
    public IReadOnlyDictionary<string, HttpStatusCode> Statuses => _statuses;

    /// <summary>The addresses listed in /sitemap.xml, as paths.</summary>
    public IReadOnlyList<string> SitemapPaths { get; private set; } = [];

    /// <summary>Addresses that did not answer 200, with their status: empty when the whole site works.</summary>
    public IReadOnlyList<string> Failures =>
        _statuses.Where(page => page.Value != HttpStatusCode.OK).Select(page => $"{page.Key} answered {(int)page.Value} {page.Value}").ToList();

    /// <summary>Walks the site through a client that does not follow redirects: every link the site prints should answer 200 itself.</summary>
    public static async Task<SiteWalk> WalkAsync(HttpClient client, KindCatalog kinds)
    {
        var walk = new SiteWalk();
        var indexes = SitePaths.FixedPages.Append(SitePaths.Robots).Concat(kinds.Kinds.Select(kind => SitePaths.Kind(kind.Key))).ToList();
        var linked = new List<string>();
        foreach (var index in indexes)
        {
            var html = await walk.GetAsync(client, index);
            if (html is not null && !index.EndsWith(".xml", StringComparison.Ordinal) && !index.EndsWith(".txt", StringComparison.Ordinal))
            {
                linked.AddRange(await InternalLinksAsync(html));
            }
        }

        foreach (var kind in kinds.Kinds)
        {
            await walk.GetAsync(client, SitePaths.SearchFor(kind.Singular));
        }

        foreach (var path in linked)
        {
            await walk.GetAsync(client, path);
        }

        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml", TestContext.Current.CancellationToken));
        walk.SitemapPaths = sitemap.Descendants().Where(element => element.Name.LocalName == "loc")
            .Select(loc => new Uri(loc.Value.Trim()).PathAndQuery)
            .ToList();
        foreach (var path in walk.SitemapPaths)
        {
            await walk.GetAsync(client, path);
        }

        return walk;
    }

    private async Task<string?> GetAsync(HttpClient client, string path)
    {
        if (_statuses.ContainsKey(path))
        {
            return null;
        }

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        _statuses[path] = response.StatusCode;
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : null;
    }

    /// <summary>Links to this site's own pages (a path, not another host, not a fragment of the same page).</summary>
    private static async Task<IEnumerable<string>> InternalLinksAsync(string html)
    {
        var document = await Html.ParseAsync(html);
        return document.QuerySelectorAll("a[href]")
            .Select(anchor => anchor.GetAttribute("href")!.Split('#')[0])
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .ToList();
    }
}
