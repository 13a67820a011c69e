using System.Net;
using Microsoft.Data.Sqlite;

namespace Impala.Discovery.Tests.Features;

/// <summary>A real failure (the store loses a table under the running app) shows the site's 500 page, nothing more.</summary>
public sealed class ServerErrorTests
{
    [Fact]
    public async Task FailureInsideAPage_AnswersThe500PageWithoutAStackTrace()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about", TestContext.Current.CancellationToken)).StatusCode);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE Articles;";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var response = await client.GetAsync("/series", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(body);
        Assert.Equal("Something went wrong on our side", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Impala", body, StringComparison.Ordinal);
    }
}
