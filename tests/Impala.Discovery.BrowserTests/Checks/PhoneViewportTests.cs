using Impala.Discovery.Tests;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>
/// Every page template on a 375-pixel-wide phone with the site's real Content-Security-Policy in force: the answer a
/// visitor expects, the stylesheets applied, no console error (a blocked script or style shows up there), no failed
/// request, and nothing sticking out sideways, so no page scrolls horizontally.
/// </summary>
/// <remarks>
/// One page walks through all the templates: a fresh browser context per template would cost this suite more time
/// than everything else it checks on the way, and the failure message still names each page that fails.
/// </remarks>
public sealed class PhoneViewportTests(SiteServer site, BrowserFixture browser)
{
    private const int PhoneWidth = 375;

    private static readonly string[] SiteStylesheets = ["/css/site.css", "/css/kinds.css"];

    // site.css is linked by its fingerprinted address (/css/site.{hash}.css): named here by its file.
    private const string AppliedStylesheets = """
        () => [...document.styleSheets]
            .filter(sheet => sheet.href && sheet.cssRules.length > 0)
            .map(sheet => new URL(sheet.href).pathname.replace(/^\/css\/site\.[a-z0-9]+\.css$/, '/css/site.css'))
        """;

    /// <summary>The elements that reach past the right edge, to name in the failure.</summary>
    private const string Overflowing = """
        width => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > width + 0.5)
            .slice(0, 10)
            .map(element => element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(element.getBoundingClientRect().right))
        """;

    [Fact]
    public async Task EveryPageTemplate_OnAPhone_LoadsCleanlyWithoutHorizontalScrolling()
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = PhoneWidth, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = session.Page;
        var failures = new List<string>();
        foreach (var path in PageTemplates.Paths)
        {
            var expectedStatus = PageTemplates.ExpectedStatus(path);
            if (expectedStatus == 404)
            {
                session.ExpectNotFound(path);
            }

            var response = await page.GotoAsync(path);
            if (response?.Status != expectedStatus)
            {
                failures.Add($"{path}: answered {response?.Status}, expected {expectedStatus}");
            }

            // Only the first screen: the desktop screenshot has the whole page.
            await session.SaveScreenshotAsync(PageTemplates.FileName(path) + "-phone", fullPage: false);

            var stylesheets = await page.EvaluateAsync<string[]>(AppliedStylesheets);
            var missing = SiteStylesheets.Except(stylesheets).ToList();
            // The site's own background, not the browser's default white, shows that site.css really applies.
            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            if (missing.Count > 0 || background != "rgb(251, 250, 247)")
            {
                failures.Add($"{path}: stylesheets not applied: {string.Join(", ", missing)} (body background {background})");
            }

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scrollWidth > PhoneWidth)
            {
                var overflowing = await page.EvaluateAsync<string[]>(Overflowing, PhoneWidth);
                failures.Add($"{path}: {scrollWidth}px wide on a {PhoneWidth}px phone; too wide: {string.Join(", ", overflowing)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} page(s) fail on a phone:\n{string.Join("\n", failures)}");
        session.AssertNoProblems();
    }

    /// <summary>
    /// The closed header takes one row of a phone's first screen (it took 223 px when the whole navigation showed),
    /// and its Menu link opens the navigation with JavaScript switched off, by keyboard and by tap.
    /// </summary>
    [Fact]
    public async Task Header_OnAPhone_IsOneRowAndItsMenuOpensWithoutJavaScript()
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = PhoneWidth, Height = 812 },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = false,
        });
        var page = session.Page;
        await session.GoToAsync("/");

        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.NotNull(header);
        Assert.InRange(header.Height, 1, 64);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var labels = navigation.GetByRole(AriaRole.Link, new() { Name = "Labels", Exact = true });
        Assert.False(await labels.IsVisibleAsync());

        var menu = page.GetByRole(AriaRole.Link, new() { Name = "Menu", Exact = true });
        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await labels.IsVisibleAsync());
        Assert.True(await navigation.GetByRole(AriaRole.Link, new() { Name = "Countries", Exact = true }).IsVisibleAsync());

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Close menu" }).ClickAsync();
        Assert.False(await labels.IsVisibleAsync());

        await menu.TapAsync();
        Assert.True(await labels.IsVisibleAsync());
        session.AssertNoProblems();
    }

    /// <summary>With script on, the Menu link opens and closes the panel without adding history entries: Back leaves the page.</summary>
    [Fact]
    public async Task Menu_OnAPhone_OpensAndClosesWithoutHistoryEntries()
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = PhoneWidth, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = session.Page;
        await session.GoToAsync("/series");
        await session.GoToAsync("/");
        var entries = await page.EvaluateAsync<int>("() => history.length");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var labels = navigation.GetByRole(AriaRole.Link, new() { Name = "Labels", Exact = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Menu", Exact = true }).TapAsync();
        await Assertions.Expect(labels).ToBeVisibleAsync();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Close menu" }).TapAsync();
        await Assertions.Expect(labels).ToBeHiddenAsync();

        Assert.Equal(entries, await page.EvaluateAsync<int>("() => history.length"));
        await page.GoBackAsync();
        Assert.EndsWith("/series", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        session.AssertNoProblems();
    }
}
