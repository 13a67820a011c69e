namespace Impala.Discovery.Tests.Features.Styles;

/// <summary>The one stylesheet blocks the first paint of every page, so it has a budget (issue 10: at most 20 KB).</summary>
public sealed class StylesheetBudgetTests(SiteFixture site)
{
    private const int Budget = 20 * 1024;

    [Fact]
    public async Task SiteCss_AsServedUncompressed_StaysWithin20Kilobytes()
    {
        var bytes = await site.Client.GetByteArrayAsync("/css/site.css", TestContext.Current.CancellationToken);

        Assert.True(bytes.Length <= Budget, $"site.css is {bytes.Length:N0} bytes, over its budget of {Budget:N0}: merge or drop rules before adding more.");
    }
}
