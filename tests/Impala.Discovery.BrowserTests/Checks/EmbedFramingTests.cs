using System.Text.Json;
using Impala.Discovery.Tests;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>
/// A member's site on another origin pastes the HTML our oEmbed answer gives: the card shows inside the frame, styled
/// and whole, while a normal page of ours framed the same way is refused by the browser.
/// </summary>
public sealed class EmbedFramingTests(SiteServer site, BrowserFixture browser)
{
    private static string MemberPage(string frame) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A member's site</title></head><body><h1>Our label</h1>{frame}</body></html>";

    [Theory]
    [InlineData("/labels/ninja-tune", "Ninja Tune", null)]
    [InlineData("/labels/ninja-tune", "Ninja Tune", 300)]
    [InlineData("/series/record-labels", "Twenty iconic European independent record labels", null)]
    [InlineData("/series/record-labels", "Twenty iconic European independent record labels", 300)]
    [InlineData("/milestones/europeans-lead-fair-digital-deals-declaration", "Europeans lead Fair Digital Deals Declaration", 300)]
    public async Task EmbedCardFromOEmbed_ShowsStyledAndWholeInAFrameOnAnotherOrigin(string path, string name, int? maxWidth)
    {
        var ask = SitePaths.OEmbedFor(site.Address(path).AbsoluteUri) + (maxWidth is null ? "" : $"&maxwidth={maxWidth}");
        using var answer = JsonDocument.Parse(await site.Http.GetStringAsync(ask, TestContext.Current.CancellationToken));
        await using var member = new MemberSite(MemberPage(answer.RootElement.GetProperty("html").GetString()!));
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;

        await page.GotoAsync(member.Address.AbsoluteUri);

        Assert.NotEqual(site.Address("/").Authority, member.Address.Authority);
        var card = page.FrameLocator("iframe");
        await Assertions.Expect(card.Locator("h1")).ToHaveTextAsync(name);
        var link = card.Locator("a");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", site.Address(path).AbsoluteUri);
        await Assertions.Expect(link).ToHaveAccessibleNameAsync($"Read more on Impala Discovery about {name} (opens in a new tab)");
        var frame = (await (await page.Locator("iframe").ElementHandleAsync()).ContentFrameAsync())!;
        var styled = await frame.EvaluateAsync<bool>("() => [...document.styleSheets].some(sheet => sheet.href && /\\/css\\/site\\.[a-z0-9]+\\.css$/.test(sheet.href) && sheet.cssRules.length > 0)");
        Assert.True(styled, "the card's stylesheet did not apply inside the frame");
        var overflow = await frame.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"the card does not fit its frame: {overflow[0]} px too wide, {overflow[1]} px too tall");
        await session.SaveScreenshotAsync("embed-" + PageTemplates.FileName(path) + (maxWidth is null ? "" : $"-{maxWidth}"));
        session.AssertNoProblems();
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "light", "300", 250)]
    [InlineData("/labels/ninja-tune", "dark", "300", 250)]
    [InlineData("/labels/ninja-tune", "light", "400", 300)]
    [InlineData("/labels/ninja-tune", "dark", "400", 300)]
    [InlineData("/labels/ninja-tune", "light", "100%", 160)]
    [InlineData("/labels/ninja-tune", "dark", "100%", 160)]
    [InlineData("/series/record-labels", "light", "400", 300)]
    [InlineData("/series/record-labels", "dark", "100%", 160)]
    [InlineData("/venues/a38", "dark", "300", 250)]
    public async Task EmbedInEachSizeAndTheme_FillsItsFrameWithTheArtworkAndTheWords(string path, string theme, string width, int height)
    {
        var src = site.Address(SitePaths.Embed(path) + "?theme=" + theme).AbsoluteUri;
        // The member's page in the same scheme as the card, as a member picking a theme would have it.
        var background = theme == "dark" ? "#111" : "#f4f4f4";
        var frame = $"<iframe src=\"{src}\" width=\"{width}\" height=\"{height}\" style=\"border:0;max-width:100%\" title=\"Featured in IMPALA's discovery series\"></iframe>";
        await using var member = new MemberSite(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A member's site</title></head><body style=\"margin:0;padding:16px;background:{background}\">{frame}</body></html>");
        await using var session = await browser.OpenAsync(site, new() { ViewportSize = new() { Width = 832, Height = 360 } });
        var page = session.Page;

        await page.GotoAsync(member.Address.AbsoluteUri);

        var card = (await (await page.Locator("iframe").ElementHandleAsync()).ContentFrameAsync())!;
        await card.Locator("img.embed-art").WaitForAsync();
        await card.WaitForFunctionAsync("() => document.querySelector('img.embed-art').complete");
        Directory.CreateDirectory(RepositoryFolders.Screenshots);
        await page.Locator("iframe").ScreenshotAsync(new() { Path = Path.Combine(RepositoryFolders.Screenshots, $"embed-{PageTemplates.FileName(path)}-{theme}-{(width == "100%" ? "row" : width)}x{height}.png") });
        var art = await card.EvaluateAsync<double[]>(
            "() => { const img = document.querySelector('img.embed-art'); const box = img.getBoundingClientRect(); return [img.naturalWidth, box.width, box.height, innerWidth, innerHeight]; }");
        Assert.True(art[0] > 0, "the artwork did not load");
        // The artwork is the card's largest part: at least half its height, square, and left of the words.
        var artFirst = await card.EvaluateAsync<bool>("() => document.querySelector('img.embed-art').getBoundingClientRect().right <= document.querySelector('.embed-words').getBoundingClientRect().left");
        Assert.True(artFirst, "the artwork is not beside the words");
        Assert.InRange(art[2], art[4] * 0.5, art[4]);
        Assert.Equal(art[1], art[2], 1.0);
        var overflow = await card.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"the card does not fit its frame: {overflow[0]} px too wide, {overflow[1]} px too tall");
        var clipped = await card.EvaluateAsync<bool>("() => { const link = document.querySelector('.embed-back a'); const box = link.getBoundingClientRect(); return box.bottom > innerHeight || box.right > innerWidth || link.scrollWidth > link.clientWidth; }");
        Assert.False(clipped, "the link back is cut off");
        var scheme = await card.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.embed-card')).backgroundColor");
        Assert.Equal(theme == "dark", scheme == "rgb(28, 26, 23)");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task NormalPage_FramedOnAnotherOrigin_IsRefusedByTheBrowser()
    {
        await using var member = new MemberSite(MemberPage($"<iframe src=\"{site.Address("/labels/ninja-tune").AbsoluteUri}\" title=\"Ninja Tune\"></iframe>"));
        await using var session = await browser.OpenAsync(site);
        var page = session.Page;

        var refusal = await page.RunAndWaitForConsoleMessageAsync(
            () => page.GotoAsync(member.Address.AbsoluteUri),
            new() { Predicate = message => message.Text.Contains("frame-ancestors", StringComparison.Ordinal) });

        Assert.Contains("frame-ancestors 'none'", refusal.Text, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Our label");
        await Assertions.Expect(page.FrameLocator("iframe").GetByText("Ninja Tune")).ToHaveCountAsync(0);
    }
}
