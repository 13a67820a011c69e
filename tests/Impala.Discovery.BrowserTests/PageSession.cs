using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests;

/// <summary>
/// One browser page for one test, watching everything a visitor would suffer from: console errors, script errors,
/// requests that fail and responses of 400 or more (other than a 404 the test asks for on purpose).
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly SiteServer _site;
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<(string Url, string Problem)> _problems = new();
    private readonly ConcurrentDictionary<string, bool> _expectedNotFound = new();

    public PageSession(SiteServer site, IBrowserContext context, IPage page)
    {
        _site = site;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Enqueue((message.Location, $"{PagePath}: console error at {message.Location}: {message.Text}"));
            }
        };
        page.PageError += (_, error) => _problems.Enqueue(("", $"{PagePath}: uncaught script error: {error}"));
        page.RequestFailed += (_, request) =>
        {
            // A browser cancels a picture or a frame it no longer needs: a srcset candidate dropped when a full-page
            // screenshot resizes the page, a lazy picture or frame (the link kit's embed preview) when the page goes.
            // What the server answers is checked by Response below.
            var cancelledLazily = request.Failure == "net::ERR_ABORTED"
                && (request.ResourceType == "image" || (request.ResourceType == "document" && request.Frame != page.MainFrame));
            if (!cancelledLazily)
            {
                _problems.Enqueue((request.Url, $"{PagePath}: request failed: {request.Method} {request.Url}: {request.Failure}"));
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Enqueue((response.Url, $"{PagePath}: HTTP {response.Status} for {response.Request.Method} {response.Url}"));
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The address shown when a problem happened, to say which page it belongs to.</summary>
    private string PagePath => Uri.TryCreate(Page.Url, UriKind.Absolute, out var url) ? url.PathAndQuery : Page.Url;

    /// <summary>Opens <paramref name="path"/> and checks the status a visitor gets (404 for the deliberate not-found page).</summary>
    public async Task<IResponse> GoToAsync(string path, int expectedStatus = 200)
    {
        if (expectedStatus == 404)
        {
            ExpectNotFound(path);
        }

        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Status == expectedStatus, $"{path} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    /// <summary>A 404 for this address is the point of the test, not a problem.</summary>
    public void ExpectNotFound(string path) => _expectedNotFound[_site.Address(path).AbsoluteUri] = true;

    /// <summary>Fails with every problem seen since the page opened, one a line.</summary>
    public void AssertNoProblems()
    {
        var problems = _problems
            .Where(problem => !_expectedNotFound.Keys.Any(url => problem.Url.StartsWith(url, StringComparison.Ordinal) && problem.Problem.Contains("404", StringComparison.Ordinal)))
            .Select(problem => problem.Problem)
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the browser:\n{string.Join("\n", problems)}");
    }

    /// <summary>
    /// A screenshot in TestResults/screenshots/ at the repository root: the whole page, or only what fits on the screen.
    /// Screenshots are for people to look at, not something a test asserts, so one that cannot be taken in time (a long
    /// page on a loaded machine) is reported in the test's output instead of failing the check it accompanies.
    /// </summary>
    public async Task SaveScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(RepositoryFolders.Screenshots);
        try
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryFolders.Screenshots, name + ".png"), FullPage = fullPage, Timeout = 60_000 });
        }
        catch (TimeoutException timeout)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"No screenshot {name}.png: {timeout.Message}");
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
