using Impala.Discovery.Web.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// A deploy (or a rollback) over a store another build wrote serves that build's rows until its first import has
/// written every article again. The content is the same, so the content version is too: a page served meanwhile
/// carried the ETag of the page this build makes after its import, and a browser (or nginx) that kept it was told
/// 304 from then on, and kept the other build's rendering (found by sweep 6).
/// </summary>
public sealed class AnotherBuildValidatorsTests
{
    private const string OtherRendering = "as another build made it";

    [Fact]
    public async Task PageServedFromAnotherBuildsRows_IsNotRevalidated_AsThePageThisBuildMakesOfThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var database = TempFolder.Create("db");
        await using (var earlier = new DiscoveryFactory(content, databaseFolder: database))
        {
            earlier.CreateClient().Dispose();
        }

        var connection = $"Data Source={Path.Combine(database, "discovery.db")}";
        await using (var db = new Impala.Discovery.Web.Data.DiscoveryDbContext(
            new DbContextOptionsBuilder<Impala.Discovery.Web.Data.DiscoveryDbContext>().UseSqlite(connection).Options))
        {
            // What another build left on the store, before this instance's first import of it.
            await db.Entries.ExecuteUpdateAsync(set => set.SetProperty(entry => entry.Caption, OtherRendering), cancellationToken);
            await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(article => article.RowsHash, "another build's rows"), cancellationToken);
            await db.StoreInfo.ExecuteUpdateAsync(set => set.SetProperty(info => info.WrittenBy, "another build"), cancellationToken);
        }

        // The deployed build, started on that store, before its first import has ended.
        await using var factory = new DiscoveryFactory(content, databaseFolder: database, importContent: false);
        using var client = factory.CreateClient();
        factory.Services.GetRequiredService<StoreReadiness>().MarkReady();
        using var before = await client.GetAsync("/api/v1/labels/ecm", cancellationToken);
        Assert.Contains(OtherRendering, await before.Content.ReadAsStringAsync(cancellationToken));

        await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(cancellationToken);
        // Another visitor asks first: the page this build makes is kept.
        (await client.GetAsync("/api/v1/labels/ecm", cancellationToken)).Dispose();
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/api/v1/labels/ecm");
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(revalidation, cancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
        Assert.DoesNotContain(OtherRendering, await after.Content.ReadAsStringAsync(cancellationToken));
    }
}
