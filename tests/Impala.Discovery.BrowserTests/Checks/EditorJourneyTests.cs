using Impala.Discovery.Tests;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>
/// An editor working locally (Development) saves a broken article: every page says so, and the banner leads to the
/// status page, which names the file, the place and the fix. No server log needed.
/// </summary>
public sealed class EditorJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SiteServer _site = null!;

    public async ValueTask InitializeAsync()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-broken.md"), "no front matter\n");
        _site = await SiteServer.StartAsync(new DiscoveryFactory(
            content, onLoopbackPort: true, settings: new Dictionary<string, string> { ["environment"] = "Development" }));
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task DevelopmentBanner_LeadsToTheStatusPageThatExplainsTheRefusedFile()
    {
        await using var session = await browser.OpenAsync(_site);
        var page = session.Page;
        await session.GoToAsync("/labels/ninja-tune");

        var banner = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "refused" });
        await Assertions.Expect(banner).ToContainTextAsync("1 content file was refused");
        await banner.GetByRole(AriaRole.Link, new() { Name = "see the status page" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/content-status");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Content status");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "articles/2021-05-broken.md" });
        await Assertions.Expect(row).ToContainTextAsync("Refused (not online)");
        await Assertions.Expect(row).ToContainTextAsync("1:1");
        await Assertions.Expect(row).ToContainTextAsync("The article has no front matter.");
        session.AssertNoProblems();
    }
}
