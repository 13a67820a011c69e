using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// Through nginx's microcache an edit shows within a second: nginx keeps a page until the end of the second the app
/// names (X-Accel-Expires). A copy fetched while a changed file still waited for its import was the old page, kept a
/// whole second more (an edit took up to 1.1 s to show); such a copy is now marked not to be kept.
/// </summary>
public sealed class PendingEditTests
{
    private const string Page = "/labels/ninja-tune";

    [Fact]
    public async Task WhileAChangedFileWaitsForItsImport_PagesTellNginxNotToKeepThem()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<ContentImporter>();
        var article = Path.Combine(content, "articles", "2021-03-record-labels.md");

        var before = await AccelExpiresAsync(client);
        File.AppendAllText(article, "\nA line the editor just saved.\n");
        importer.FileChanged(article);
        var pending = await AccelExpiresAsync(client);
        await importer.ImportAsync(TestContext.Current.CancellationToken);
        var after = await AccelExpiresAsync(client);

        Assert.StartsWith("@", before);
        Assert.Equal("0", pending);
        Assert.StartsWith("@", after);
    }

    private static async Task<string> AccelExpiresAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Page, TestContext.Current.CancellationToken);
        return Assert.Single(response.Headers.GetValues("X-Accel-Expires"));
    }
}
