using System.Net;
using Impala.Discovery.Tests;
using Microsoft.Playwright;

namespace Impala.Discovery.BrowserTests.Admin;

/// <summary>
/// An editor with only a browser: Chromium drives Decap CMS at /admin/ with decap-server over a temporary git
/// repository of the fixture content, and the site reads that repository's content/ as an instance reads its checkout.
/// </summary>
public sealed class BrowserEditorTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string BadLine = "See [the shop](/labels/no-such-shop).";

    private string _repository = null!;
    private DecapServer _decap = null!;
    private SiteServer _site = null!;

    public async ValueTask InitializeAsync()
    {
        _repository = ContentRepository.Create();
        _decap = await DecapServer.StartAsync(_repository);
        // Development opens the editors' gate (the preview) without a token, as on an editor's laptop.
        _site = await SiteServer.StartAsync(new DiscoveryFactory(Path.Combine(_repository, "content"), watchContent: true, onLoopbackPort: true,
            settings: new Dictionary<string, string> { ["environment"] = "Development", ["Discovery:Admin:LocalBackendUrl"] = _decap.Url }));
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _decap.DisposeAsync();
    }

    [Fact]
    public async Task NewArticle_PreviewShowsTheSitesRenderingAndErrors_SavedAndPublished_IsImportedAndAnswers200()
    {
        await using var session = await browser.OpenAsync(_site, new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = session.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // "Are you sure you want to publish?"
        await page.GotoAsync("/admin/#/collections/articles/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();

        await page.GetByLabel("Title").FillAsync("Record shops we love");
        await page.Locator("[id^=kind-field]").First.ClickAsync();
        await page.GetByText("Labels", new() { Exact = true }).Last.ClickAsync();
        await page.Locator("input[type=date]").FillAsync("2021-06-01");
        await page.GetByLabel("Summary").FillAsync("Labels that began behind a shop counter.");
        await page.GetByLabel("Draft", new() { Exact = false }).ClickAsync(); // drafts are not public: this one is to be
        await page.Locator("[data-slate-editor]").Last.ClickAsync();
        await TypeLinesAsync(page, "Intro.", "", "## Counter Records", "", "- **Country:** France", "- **City:** Lyon", "- **Founded:** 1999", "", BadLine);

        // The site's own preview: its article template, and the checker's error on the body's line.
        var preview = page.Locator("iframe").First.ContentFrame;
        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync("Record shops we love");
        var error = preview.Locator(".problem-error").Filter(new() { HasText = "no-such-shop" });
        await Assertions.Expect(error).ToContainTextAsync("record-shops-we-love.md:16:");
        await Assertions.Expect(error.Locator("pre")).ToContainTextAsync(BadLine);
        await session.SaveScreenshotAsync("admin-preview-error");

        for (var i = 0; i <= BadLine.Length; i++)
        {
            await page.Keyboard.PressAsync("Backspace");
        }

        await TypeLinesAsync(page, "A label that began in a shop.");
        await Assertions.Expect(preview.Locator(".preview-problems")).ToHaveAttributeAsync("data-errors", "0");
        await Assertions.Expect(preview.Locator("#counter-records-heading")).ToContainTextAsync("Counter Records");

        // Save (a branch, in review), mark it ready, publish (merged into main, as a merged pull request).
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Changes saved")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Ready" }).Or(page.GetByText("Ready", new() { Exact = true })).First.ClickAsync();
        // The new status is saved (a commit on the branch) before Publish acts on it.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Ready" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByText("Publish now").ClickAsync();
        await Assertions.Expect(page.GetByText("Entry published", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 60_000 });

        var articles = Path.Combine(_repository, "content", "articles");
        string? saved = null;
        await WaitUntilAsync(() => (saved = Directory.EnumerateFiles(articles, "*-record-shops-we-love.md").FirstOrDefault()) is not null, "the published file in content/articles/");
        Assert.Contains("- **City:** Lyon", await File.ReadAllTextAsync(saved!, TestContext.Current.CancellationToken));

        // The running site imports it by itself (it watches the folder) and serves its pages.
        await WaitUntilAsync(async () => (await _site.Http.GetAsync("/series/record-shops-we-love")).StatusCode == HttpStatusCode.OK, "/series/record-shops-we-love answering 200");
        using var entry = await _site.Http.GetAsync("/labels/counter-records", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
    }

    [Fact]
    public async Task KindAddedToKindsYml_IsAChoiceInTheEditor()
    {
        await File.AppendAllTextAsync(Path.Combine(_repository, "content", "kinds.yml"), """

              - key: festivals
                singular: Festival
                plural: Festivals
                colour: "#7c3aed"
                intro: Festivals where independent artists play.
                facts:
                  - { key: Country, type: country, required: true }

            """, TestContext.Current.CancellationToken);
        await using var session = await browser.OpenAsync(_site);
        var page = session.Page;

        await page.GotoAsync("/admin/#/collections/articles/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await page.Locator("[id^=kind-field]").First.ClickAsync();

        await Assertions.Expect(page.GetByText("Festivals", new() { Exact = true })).ToBeVisibleAsync();
    }

    // Decap's Markdown editor takes keystrokes: each line, then Enter.
    private static async Task TypeLinesAsync(IPage page, params string[] lines)
    {
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                await page.Keyboard.InsertTextAsync(line);
            }

            await page.Keyboard.PressAsync("Enter");
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    // A condition outside the browser (a file, another process's answer), checked until it holds or 60 s have passed.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Waited 60 s for {what}.");
            await Task.Delay(250);
        }
    }
}
