using System.Net;
using Impala.Discovery.Web.Content.Addresses;
using Microsoft.Data.Sqlite;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>What fails before or inside an API action still answers as a problem, never the HTML page or a stack trace.</summary>
public sealed class ApiFailureTests
{
    [Fact]
    public async Task FailureInsideTheApi_IsAServerErrorProblemWithoutAStackTrace()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        await ApiResponse.OkAsync(client, SitePaths.ApiKinds);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = connection.CreateCommand();
            // A column gone, not a table: a store without one of its tables is built again (503 meanwhile), not a bug of ours.
            drop.CommandText = "ALTER TABLE Articles RENAME COLUMN Title TO TitleGone;";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var response = await ApiResponse.GetAsync(client, SitePaths.ApiArticles);

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(SitePaths.ApiArticles, response.Json.GetProperty("instance").GetString());
        Assert.DoesNotContain("Exception", response.Json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", response.Json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWhileTheSiteStarts_IsAServiceUnavailableProblemWithRetryAfter()
    {
        await using var factory = new DiscoveryFactory(importContent: false);
        using var client = factory.CreateClient();

        var response = await ApiResponse.GetAsync(client, SitePaths.ApiKinds);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Message.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task FloodOfUncachedApiRequests_IsATooManyRequestsProblemWithRetryAfter()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string>
        {
            ["Discovery:RateLimitBurst"] = "3",
            ["Discovery:RateLimitPerSecond"] = "1",
        });
        using var client = factory.CreateClient();

        ApiResponse? refused = null;
        for (var attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            var response = await ApiResponse.GetAsync(client, SitePaths.ApiSearch(Guid.NewGuid().ToString("N")));
            refused = response.Status == HttpStatusCode.OK ? null : response;
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.NotNull(refused.Message.Headers.RetryAfter);
    }
}
