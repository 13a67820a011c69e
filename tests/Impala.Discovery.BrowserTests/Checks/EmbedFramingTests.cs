using System.Text.Json;
using Impala.Discovery.Web.Features.Shared;
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
        var styled = await frame.EvaluateAsync<bool>("() => [...document.styleSheets].some(sheet => sheet.href && sheet.href.includes('/css/site.css') && sheet.cssRules.length > 0)");
        Assert.True(styled, "the card's stylesheet did not apply inside the frame");
        var overflow = await frame.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]");
        Assert.True(overflow[0] <= 0 && overflow[1] <= 0, $"the card does not fit its frame: {overflow[0]} px too wide, {overflow[1]} px too tall");
        await session.SaveScreenshotAsync("embed-" + PageTemplates.FileName(path) + (maxWidth is null ? "" : $"-{maxWidth}"));
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
