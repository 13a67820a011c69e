using System.Text.Json;
using Impala.Discovery.Tests;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>axe-core's WCAG 2.2 AA rules on every page template, in the light and the dark colour scheme.</summary>
public sealed class AccessibilityTests(SiteServer site, BrowserFixture browser)
{
    /// <summary>
    /// axe-core does not check text drawn in SVG, so the map's labels are measured here: the WCAG contrast ratio of each
    /// label's fill against its tile's fill.
    /// </summary>
    private const string MapLabelContrast = """
        () => {
            const rgb = colour => colour.match(/[\d.]+/g).slice(0, 3).map(Number);
            const channel = value => { value /= 255; return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4; };
            const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
            const ratio = (a, b) => { const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (light + 0.05) / (dark + 0.05); };
            const labels = [...document.querySelectorAll('.europe-map svg text')];
            const failures = labels
                .map(text => ({
                    tile: text.parentElement.getAttribute('aria-label') ?? text.parentElement.querySelector('.tile-code').textContent,
                    text: text.textContent,
                    fill: getComputedStyle(text).fill,
                    background: getComputedStyle(text.parentElement.querySelector('rect')).fill,
                }))
                .map(label => ({ ...label, ratio: ratio(rgb(label.fill), rgb(label.background)) }))
                .filter(label => label.ratio < 4.5)
                .map(label => `${label.tile}: "${label.text}" ${label.fill} on ${label.background} is ${label.ratio.toFixed(2)}:1`);
            return JSON.stringify({ checked: labels.length, failures });
        }
        """;

    [Theory]
    [MemberData(nameof(PageTemplates.All), MemberType = typeof(PageTemplates))]
    public async Task Page_HasNoAccessibilityViolations_InLightAndDarkSchemes(string path)
    {
        RequiredTools.RequireAxe();
        // The site's Content-Security-Policy forbids inline scripts, so axe can only be injected with it bypassed;
        // PhoneViewportTests loads every page with the policy in force.
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = 1280, Height = 800 },
            ColorScheme = ColorScheme.Light,
            BypassCSP = true,
        });
        await session.GoToAsync(path, PageTemplates.ExpectedStatus(path));
        await session.SaveScreenshotAsync(PageTemplates.FileName(path));
        var light = await Axe.RunAsync(session.Page);

        await session.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        Assert.True(await session.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches"), "The dark scheme did not take effect.");
        var dark = await Axe.RunAsync(session.Page);

        Assert.True(light.Count == 0 && dark.Count == 0,
            $"axe found violations on {path}:\nLight scheme ({light.Count}):\n{Axe.Describe(light)}\nDark scheme ({dark.Count}):\n{Axe.Describe(dark)}");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData("/search?q=ninja", 200)]
    [InlineData("/no-such-page", 404)]
    public async Task PagesWithTwoSearchForms_NameTheirLandmarksApart(string path, int status)
    {
        await using var session = await browser.OpenAsync(site, new() { BypassCSP = true });
        await session.GoToAsync(path, status);

        Assert.Equal(2, await session.Page.GetByRole(AriaRole.Search).CountAsync());
        var violations = await Axe.RunAsync(session.Page, "landmark-unique", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main");
        Assert.True(violations.Count == 0, Axe.Describe(violations));
    }

    [Fact]
    public async Task SelectedFilterChip_StandsOutInForcedColours()
    {
        await using var session = await browser.OpenAsync(site, new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await session.Page.EmulateMediaAsync(new() { ForcedColors = ForcedColors.Active });
        await session.GoToAsync("/labels?country=denmark");
        Assert.True(await session.Page.EvaluateAsync<bool>("() => matchMedia('(forced-colors: active)').matches"), "forced colours did not take effect");

        var looks = await session.Page.EvaluateAsync<string[]>("""
            () => {
                const chips = [...document.querySelectorAll('.chips a')];
                const look = chip => { const style = getComputedStyle(chip); return [style.backgroundColor, style.color, style.borderTopWidth].join(' '); };
                const selected = chips.find(chip => chip.getAttribute('aria-current') === 'true' && chip.textContent.includes('Denmark'));
                const other = chips.find(chip => chip.closest('ul') === selected.closest('ul') && !chip.hasAttribute('aria-current'));
                return [look(selected), look(other)];
            }
            """);

        Assert.NotEqual(looks[1], looks[0]);
        await session.SaveScreenshotAsync("labels-forced-colours", fullPage: false);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task CountriesMap_TileLabelsHaveEnoughContrast_InLightAndDarkSchemes()
    {
        await using var session = await browser.OpenAsync(site, new() { ColorScheme = ColorScheme.Light });
        await session.GoToAsync("/countries/denmark");
        var light = await MapLabelsBelowContrastAsync(session.Page);
        await session.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var dark = await MapLabelsBelowContrastAsync(session.Page);

        Assert.True(light.Count == 0 && dark.Count == 0,
            $"Map labels below 4.5:1:\nLight scheme ({light.Count}):\n{string.Join("\n", light)}\nDark scheme ({dark.Count}):\n{string.Join("\n", dark)}");
        session.AssertNoProblems();
    }

    private static async Task<List<string>> MapLabelsBelowContrastAsync(IPage page)
    {
        using var result = JsonDocument.Parse(await page.EvaluateAsync<string>(MapLabelContrast));
        Assert.True(result.RootElement.GetProperty("checked").GetInt32() > 40, "The map has hardly any labels to check.");
        return result.RootElement.GetProperty("failures").EnumerateArray().Select(failure => failure.GetString()!).ToList();
    }
}
