using Impala.Discovery.Tests;

namespace Impala.Discovery.BrowserTests.Checks;

/// <summary>
/// Issue 10's promise: on a phone, every entry shows a picture and its name on the first screen, the editor's
/// picture where there is one (A38 in the fixture), its generated sleeve otherwise, and the picture really loads,
/// in the format and size the browser chose from <c>srcset</c>.
/// </summary>
public sealed class FirstScreenTests(SiteServer site, BrowserFixture browser)
{
    private const int PhoneWidth = 375;
    private const int PhoneHeight = 667;

    [Theory]
    [InlineData("/venues/a38", ".entry header .page-picture img")]
    [InlineData("/labels/cobalt-music", ".entry header .page-picture img")]
    [InlineData("/venues/rockefeller", ".entry header img.page-art")]
    [InlineData("/", ".hero img.page-art")]
    public async Task AnEntryOnAPhone_ShowsAPictureAndItsName_OnTheFirstScreen(string path, string pictureSelector)
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = PhoneWidth, Height = PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        await session.GoToAsync(path);

        var picture = session.Page.Locator(pictureSelector);
        var name = session.Page.Locator("h1");
        var pictureBox = (await picture.BoundingBoxAsync())!;
        var nameBox = (await name.BoundingBoxAsync())!;
        var loaded = await picture.EvaluateAsync<bool>("image => image.complete && image.naturalWidth > 0");

        Assert.True(loaded, $"{path}: the picture did not load");
        Assert.True(pictureBox.Height >= 100, $"{path}: the picture is only {pictureBox.Height}px tall");
        Assert.True(pictureBox.Y + pictureBox.Height <= PhoneHeight, $"{path}: the picture ends at {pictureBox.Y + pictureBox.Height}px, below the first screen");
        Assert.True(nameBox.Y + nameBox.Height <= PhoneHeight, $"{path}: the name ends at {nameBox.Y + nameBox.Height}px, below the first screen");
        await session.SaveScreenshotAsync(PageTemplates.FileName(path) + "-first-screen", fullPage: false);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task ThePhoneBrowser_PicksAWebpWideEnoughForItsScreen_NotTheLargest()
    {
        await using var session = await browser.OpenAsync(site, new()
        {
            ViewportSize = new() { Width = PhoneWidth, Height = PhoneHeight },
            IsMobile = true,
            DeviceScaleFactor = 2,
        });
        await session.GoToAsync("/venues/a38");

        var chosen = await session.Page.Locator(".page-picture img").EvaluateAsync<string>("image => image.currentSrc");

        // 343 CSS pixels at 2x want at least 686: the 720-pixel WebP, not the 1,440.
        Assert.EndsWith("/720.webp", chosen);
        session.AssertNoProblems();
    }
}
