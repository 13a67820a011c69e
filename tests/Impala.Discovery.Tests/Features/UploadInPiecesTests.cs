using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features;

/// <summary>
/// An article uploaded in place piece by piece (scp, FTP, a slow network share): between two pieces the file is a
/// shorter article that parses. The entries after the cut must not leave the site meanwhile; a removal meant by the
/// editor still shows within seconds, with no second save.
/// </summary>
public sealed class UploadInPiecesTests
{
    private const string Labels = "2021-03-record-labels.md";

    [Fact]
    public async Task ArticleUploadedInTwoPieces_KeepsEveryEntryOnline_UntilTheLastPieceLands()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var path = Path.Combine(content, "articles", Labels);
        var whole = File.ReadAllText(path).Replace("- **City:** Prague", "- **City:** Brno", StringComparison.Ordinal);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<ContentImporter>();
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/wagram-music"));

        // The first piece ends in the middle of a line of the entry before the last two.
        File.WriteAllText(path, whole[..(whole.IndexOf("## Supraphon", StringComparison.Ordinal) - 30)]);
        var held = await Eventually.WaitForAsync(() => Task.FromResult(importer.LastReport!),
            report => report.Warnings.Any(warning => warning.File == $"articles/{Labels}"), "an import of the first piece");

        Assert.Contains("/labels/supraphon", held.Warnings.Single(warning => warning.File == $"articles/{Labels}").Message);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/supraphon"));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/wagram-music"));
        Assert.Contains("Every content file is imported", await client.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));

        File.WriteAllText(path, whole);
        await Eventually.WaitForAsync(() => client.GetStringAsync("/labels/supraphon", TestContext.Current.CancellationToken),
            html => html.Contains("Brno", StringComparison.Ordinal), "the whole file shown");
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/wagram-music"));
    }

    [Fact]
    public async Task EntryDeletedOnPurpose_LeavesTheSiteWithinSeconds_WithoutAnotherSave()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var path = Path.Combine(content, "articles", Labels);
        var text = File.ReadAllText(path);
        await using var factory = new DiscoveryFactory(content, watchContent: true);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/wagram-music"));

        File.WriteAllText(path, text[..text.IndexOf("## Wagram Music", StringComparison.Ordinal)]);

        await Eventually.WaitForAsync(() => StatusOfAsync(client, "/labels/wagram-music"), status => status == HttpStatusCode.Gone,
            "the deleted entry answering 410");
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/labels/supraphon"));
    }

    [Fact]
    public async Task UploadStalledMidLine_ForLongerThanTwoSeconds_StillKeepsEveryEntryOnline()
    {
        // A slow link or an FTP client's pause leaves the first piece alone for longer than two seconds; it ends in the
        // middle of a line, as a cut almost always does, and an editor's save does not.
        using var site = new ImportHarness();
        await site.ImportAsync();
        var path = site.ArticlePath(Labels);
        var whole = File.ReadAllText(path);
        var stalledSince = DateTime.UtcNow.AddSeconds(-10);
        File.WriteAllText(path, whole[..(whole.IndexOf("## Supraphon", StringComparison.Ordinal) - 30)]);
        File.SetLastWriteTimeUtc(path, stalledSince);

        var report = await site.ImportAsync();

        Assert.NotNull(await site.FindEntryAsync("labels", "supraphon"));
        Assert.Equal(new DateTimeOffset(stalledSince, TimeSpan.Zero) + ContentFolder.CutOffSettleTime, report.HeldUntil);
        Assert.Contains("/labels/supraphon", report.Warnings.Single(warning => warning.File == $"articles/{Labels}").Message);
    }

    [Fact]
    public async Task EntriesDeletedInASaveEndingWithALineBreak_LeaveAfterTwoSeconds()
    {
        using var site = new ImportHarness();
        await site.ImportAsync();
        var path = site.ArticlePath(Labels);
        var whole = File.ReadAllText(path);
        File.WriteAllText(path, whole[..whole.IndexOf("## Supraphon", StringComparison.Ordinal)]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-10));

        var report = await site.ImportAsync();

        Assert.Null(await site.FindEntryAsync("labels", "supraphon"));
        Assert.Null(report.HeldUntil);
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
