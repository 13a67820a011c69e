using System.Text.Json;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>A visitor with only a keyboard: the skip link comes first, focus is always visible, and Tab follows the page's order.</summary>
public sealed class KeyboardTests(SiteServer site, BrowserFixture browser)
{
    /// <summary>Where the focused element is and how its outline looks; read in the page.</summary>
    private const string DescribeFocus = """
        () => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return JSON.stringify({
                key: element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.getAttribute('href') ? '[' + element.getAttribute('href') + ']' : '') + ' ' + (element.textContent || element.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' '),
                outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                top: box.top, bottom: box.bottom, left: box.left, right: box.right,
            });
        }
        """;

    /// <summary>The elements a Tab can reach in the header, in document order, described like <see cref="DescribeFocus"/>.</summary>
    private const string HeaderTabStops = """
        () => [...document.querySelectorAll('header.site-header a[href], header.site-header input, header.site-header button')]
            .filter(element => element.tabIndex >= 0 && element.getClientRects().length > 0)
            .map(element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.getAttribute('href') ? '[' + element.getAttribute('href') + ']' : '') + ' ' + (element.textContent || element.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' '))
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Keyboard_FirstTabFocusesTheVisibleSkipLink_AndEnterMovesFocusToMain()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/labels");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator("a.skip-link");
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToHaveTextAsync("Skip to content");
        await Assertions.Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();

        // The next Tab continues inside the content, not back at the top of the header.
        await page.Keyboard.PressAsync("Tab");
        var focus = await FocusAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"), $"After skipping, Tab went to {focus.Key}, outside main.");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 812)]
    public async Task Keyboard_TabOrderFollowsTheHeaderInReadingOrder_WithAVisibleOutlineOnEachStop(int width, int height)
    {
        await using var session = await browser.OpenAsync(site, new() { ViewportSize = new() { Width = width, Height = height } });
        var page = session.Page;
        // On a phone the navigation is a panel behind the Menu link: walk the header with it open.
        await session.GoToAsync(width < 640 ? "/#site-menu" : "/");
        // Opening the panel by its address moves the place Tab starts from to the panel; start from the top again.
        await page.EvaluateAsync("() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); }");
        var expected = await page.EvaluateAsync<string[]>(HeaderTabStops);
        Assert.True(expected.Length >= 6, $"The header has only {expected.Length} tab stops: {string.Join(", ", expected)}");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        var stops = new List<FocusState>();
        for (var i = 0; i < expected.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await FocusAsync(page));
        }

        Assert.Equal(expected, stops.Select(stop => stop.Key).ToArray());
        for (var i = 1; i < stops.Count; i++)
        {
            Assert.True(ComesAfterInReadingOrder(stops[i - 1], stops[i]), $"Tab jumps back against the reading order from {stops[i - 1].Key} to {stops[i].Key}.");
        }

        // Focus must be visible: a real outline while focused, which the element does not have otherwise.
        await page.EvaluateAsync("() => document.activeElement.blur()");
        var unfocused = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('header.site-header a[href], header.site-header input, header.site-header button')]
                .filter(element => element.tabIndex >= 0 && element.getClientRects().length > 0)
                .map(element => { const style = getComputedStyle(element); return [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '); })
            """);
        var invisible = stops.Select((stop, index) => (stop, unfocused: unfocused[index]))
            .Where(pair => pair.stop.OutlineStyle == "none" || pair.stop.OutlineWidth < 2 || pair.stop.Outline == pair.unfocused)
            .Select(pair => $"{pair.stop.Key}: focused outline '{pair.stop.Outline}', unfocused '{pair.unfocused}'")
            .ToList();
        Assert.True(invisible.Count == 0, "Focus is not visible on:\n" + string.Join("\n", invisible));
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Keyboard_FocusIsVisibleOnContentLinks()
    {
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;
        await session.GoToAsync("/labels/ninja-tune");
        await page.Locator("main#main").FocusAsync();

        var invisible = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await FocusAsync(page);
            if (stop.OutlineStyle == "none" || stop.OutlineWidth < 2)
            {
                invisible.Add($"{stop.Key}: outline '{stop.Outline}'");
            }
        }

        Assert.True(invisible.Count == 0, "Focus is not visible on:\n" + string.Join("\n", invisible));
        session.AssertNoProblems();
    }

    private static async Task<FocusState> FocusAsync(IPage page) =>
        JsonSerializer.Deserialize<FocusState>(await page.EvaluateAsync<string>(DescribeFocus), Json)!;

    /// <summary>Next on the same line means further right; otherwise the next stop must be on a lower line.</summary>
    private static bool ComesAfterInReadingOrder(FocusState previous, FocusState next)
    {
        var sameLine = next.Top < previous.Bottom && next.Bottom > previous.Top;
        return sameLine ? next.Left >= previous.Right - 1 : next.Top >= previous.Bottom - 1;
    }
}
