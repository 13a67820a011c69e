using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Impala.Discovery.BrowserTests.BrowserFixture))]

namespace Impala.Discovery.BrowserTests;

/// <summary>
/// Debian's Chromium, launched once for the run; each test gets its own context and page from it.
/// Playwright never downloads a browser here: it drives the one at <see cref="RequiredTools.ChromiumPath"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        // Screenshots of an earlier run would pass for this one's.
        if (Directory.Exists(RepositoryFolders.Screenshots))
        {
            foreach (var old in Directory.EnumerateFiles(RepositoryFolders.Screenshots, "*.png"))
            {
                File.Delete(old);
            }
        }

        if (!File.Exists(RequiredTools.ChromiumPath))
        {
            // Nothing to launch: every browser test skips, or fails under CI, with the reason when it opens a page.
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = RequiredTools.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh context and page on <paramref name="site"/>; relative addresses in GotoAsync resolve against it.</summary>
    public async Task<PageSession> OpenAsync(SiteServer site, BrowserNewContextOptions? options = null)
    {
        RequiredTools.RequireChromium();
        options ??= new();
        options.BaseURL = site.BaseAddress.ToString();
        var context = await _browser!.NewContextAsync(options);
        // Generous: a wait that times out fails its test, and CI machines can be slow and busy; speed is measured in
        // benchmarks, not here.
        context.SetDefaultTimeout(30_000);
        // Expect's assertions have a clock of their own (5 s unless told): the same generous wait.
        Assertions.SetDefaultExpectTimeout(30_000);
        return new PageSession(site, context, await context.NewPageAsync());
    }
}
