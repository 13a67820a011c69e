using System.Collections.Concurrent;
using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>
/// Found by the issue-21 sweep: between a store file's deletion and its rebuild from the content (a second or so), every
/// request the page cache could not answer failed with a 500 (searches, the API, any unknown address), while
/// /health/ready said 503. In that window the site says what health says: 503, with Retry-After, so that nginx asks
/// the other instance and a browser comes back.
/// </summary>
public sealed class StoreRebuildWindowTests
{
    [Fact]
    public async Task WhileADeletedStoreIsBuiltAgain_RequestsAnswer503WithRetryAfter_NeverA500()
    {
        var database = TempFolder.Create("db");
        await using var factory = new DiscoveryFactory(databaseFolder: database);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var importer = factory.Services.GetRequiredService<ContentImporter>();
        var before = importer.LastReport;
        var answers = new ConcurrentBag<string>();

        foreach (var file in Directory.EnumerateFiles(database, "discovery.db*"))
        {
            File.Delete(file);
        }

        SqliteConnection.ClearAllPools();
        var round = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((importer.LastReport == before || round < 4) && DateTime.UtcNow < deadline)
        {
            round++;
            var paths = Enumerable.Range(0, 8).SelectMany(i => new[] { $"/labels/gone-{round}-{i}", $"/search?q=gone{round}x{i}", $"/api/v1/search?q=gone{round}x{i}", $"/api/v1/labels/gone-{round}-{i}" });
            await Parallel.ForEachAsync(paths, TestContext.Current.CancellationToken, async (path, cancellation) =>
            {
                using var response = await client.GetAsync(path, cancellation);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
                {
                    answers.Add($"{path}: 503 without Retry-After");
                }
                else if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    answers.Add($"{path}: {(int)response.StatusCode}");
                }
            });
        }

        Assert.NotEqual(before, importer.LastReport);
        Assert.True(answers.IsEmpty, string.Join("\n", answers.Order(StringComparer.Ordinal).Take(20)));
        // Served once the import that built it again has completed (the store is marked ready just after its report).
        await Eventually.WaitForAsync(() => client.StatusAsync("/api/v1/labels/ecm"), status => status == HttpStatusCode.OK, "the rebuilt store serving");
    }
}
