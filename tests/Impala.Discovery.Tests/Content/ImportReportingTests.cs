using System.Net;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>What an import tells the rest of the site: every step that follows it runs, and a draft is never counted as refused.</summary>
public sealed class ImportReportingTests
{
    private const string BrokenDraft = """
        ---
        title: Festivals in the making
        kind: labels
        published: 2021-04-01
        summary: Not finished.
        draft: true
        ---

        ## Half-written label

        - **Country:** Denmark
        - **Founded:** 1999
        - **Colour:** blue
        """;

    [Fact]
    public async Task Import_EverySubscriberIsAwaited_NotOnlyTheLast()
    {
        using var harness = new ImportHarness();
        var finished = new List<string>();
        harness.Importer.Imported += async (_, _) =>
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            lock (finished)
            {
                finished.Add("first");
            }
        };
        harness.Importer.Imported += (_, _) =>
        {
            lock (finished)
            {
                finished.Add("second");
            }

            return Task.CompletedTask;
        };

        await harness.ImportAsync();

        Assert.Equal(["first", "second"], finished);
    }

    [Fact]
    public async Task Import_ASubscriberThatFails_DoesNotStopTheOthers()
    {
        using var harness = new ImportHarness();
        var ran = false;
        harness.Importer.Imported += (_, _) => throw new InvalidOperationException("a broken step");
        harness.Importer.Imported += (_, _) =>
        {
            ran = true;
            return Task.CompletedTask;
        };

        var report = await harness.ImportAsync();

        Assert.True(ran);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public async Task Import_DraftWithErrors_IsADraftNotARefusedFile()
    {
        using var harness = new ImportHarness();
        harness.WriteArticle("2021-04-festivals.md", BrokenDraft);

        var report = await harness.ImportAsync();

        Assert.NotEmpty(report.Errors);
        Assert.Equal(FileState.Draft, report.Files.Single(file => file.File == "articles/2021-04-festivals.md").State);
        Assert.Equal(0, report.RefusedFiles);
    }

    [Fact]
    public async Task Ready_WithABrokenDraft_StaysHealthy()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-04-festivals.md"), BrokenDraft);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Healthy\n", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
