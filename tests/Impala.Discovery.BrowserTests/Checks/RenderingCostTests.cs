namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>
/// What keeps a phone's main thread free (issue 20, Lighthouse's performance): lists show their sleeves as raster
/// images, which the browser decodes off the main thread (an SVG image is a document of its own to parse, lay out and
/// paint, and a list shows sixty), each with its size reserved so that nothing moves as they arrive; and no web font
/// hides text while it loads.
/// </summary>
public sealed class RenderingCostTests(SiteServer site, BrowserFixture browser)
{
    /// <summary>Sums every layout shift not caused by input, from the page's first moment (buffered).</summary>
    private const string LayoutShiftObserver = """
        window.__layoutShift = 0;
        window.__layoutShifts = [];
        window.__shiftObserver = new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
                if (entry.hadRecentInput) continue;
                window.__layoutShift += entry.value;
                // What moved, to say so when the check fails.
                window.__layoutShifts.push(`${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ` + entry.sources
                    .map(source => source.node?.nodeName + "." + (source.node?.className ?? "") + " " + (source.node?.textContent ?? "").trim().slice(0, 30)).join(", "));
            }
        });
        window.__shiftObserver.observe({ type: "layout-shift", buffered: true });
        """;

    /// <summary>True when every image within the window has loaded (or failed, which the session reports).</summary>
    private const string ImagesInViewLoaded = """
        () => [...document.images].filter(image => {
            const box = image.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
        }).every(image => image.complete)
        """;

    [Theory]
    [InlineData("/", 1)]
    [InlineData("/series", 0)]
    [InlineData("/labels", 0)]
    [InlineData("/countries", 0)]
    public async Task AListOnAPhone_DrawsItsSleevesAsSizedRasterImages_AndNothingShiftsAsTheyLoad(string path, int pageArtwork)
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = 375, Height = 667 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 3,
        });
        await session.Page.AddInitScriptAsync(LayoutShiftObserver);
        await session.GoToAsync(path);
        // Counted from when the web fonts are in: a face swapped in late (font-display: swap) moves what is below it on a
        // busy machine, which is not what this check is about.
        await session.Page.EvaluateAsync("""
            document.fonts.ready
                .then(() => new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame))))
                .then(() => { window.__shiftObserver.takeRecords(); window.__layoutShift = 0; window.__layoutShifts = []; })
            """);

        // Down the page a screen at a time, letting each screen's lazy images arrive, as a reader scrolling would.
        var height = await session.Page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        for (var top = 0; top < height; top += 600)
        {
            await session.Page.EvaluateAsync("top => window.scrollTo(0, top)", top);
            await session.Page.WaitForFunctionAsync(ImagesInViewLoaded);
        }

        var problems = await session.Page.EvaluateAsync<string[]>("""
            [...document.images].flatMap(image => [
                ...(image.complete && image.naturalWidth > 0 ? [] : [`${image.getAttribute("src")} did not load`]),
                ...(image.getAttribute("width") && image.getAttribute("height") ? [] : [`${image.getAttribute("src")} has no width and height to reserve its box`]),
            ])
            """);
        var sleeves = await session.Page.EvaluateAsync<string[]>("""
            [...document.images].map(image => image.getAttribute("src")).filter(src => src.startsWith("/artwork/"))
            """);
        Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
        // The page's own artwork (the home page's cover) stays SVG, sharp at any size: one document is cheap, sixty are not.
        Assert.Equal(pageArtwork, sleeves.Count(src => src.Contains(".svg", StringComparison.Ordinal)));
        Assert.All(sleeves.Where(src => !src.Contains(".svg", StringComparison.Ordinal)), src => Assert.Contains(".webp?v=", src));
        if (path != "/countries")
        {
            Assert.NotEmpty(sleeves);
        }

        var shift = await session.Page.EvaluateAsync<double>("window.__layoutShift");
        var shifts = await session.Page.EvaluateAsync<string[]>("window.__layoutShifts");
        Assert.True(shift < 0.01, $"{path}: layout shifted by {shift:0.000} while the page and its images loaded: {string.Join("; ", shifts)}");
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/labels/ninja-tune")]
    public async Task WebFonts_NeverHideText_WhileTheyLoad(string path)
    {
        await using var session = await browser.OpenAsync(site);
        await session.GoToAsync(path);

        var displays = await session.Page.EvaluateAsync<string[]>("[...document.fonts].map(font => `${font.family} ${font.weight}: ${font.display}`)");

        Assert.NotEmpty(displays);
        Assert.All(displays, display => Assert.Matches(": (swap|optional)$", display));
        session.AssertNoProblems();
    }
}
