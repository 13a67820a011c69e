using System.Net;
using System.Net.Http.Headers;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>ETags follow the content: a new import changes them; instances and restarts over the same content agree.</summary>
public sealed class ContentVersionTests
{
    private const string Page = "/labels/ninja-tune";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ImportThatChangesTheContent_ChangesTheETag_AndTheOldOneGetsTheNewPage()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        // Later than the app's build, whose time Last-Modified also follows; whole seconds, as HTTP dates are.
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()));
        await using var factory = new DiscoveryFactory(content, clock: clock);
        using var client = factory.CreateClient();
        using var before = await GetAsync(client, Page);
        var importer = factory.Services.GetRequiredService<ContentImporter>();

        clock.Now += TimeSpan.FromMinutes(1);
        await importer.ImportAsync(TestContext.Current.CancellationToken);
        // Each import empties the page cache; the page's first visitor after it keeps it again.
        using var firstAfterImport = await GetAsync(client, Page, before.Headers.ETag);
        using var unchanged = await GetAsync(client, Page, before.Headers.ETag);
        var path = Path.Combine(content, "articles", "2021-03-record-labels.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("- **City:** London", "- **City:** Brixton", StringComparison.Ordinal));
        clock.Now += TimeSpan.FromMinutes(1);
        await importer.ImportAsync(TestContext.Current.CancellationToken);
        using var after = await GetAsync(client, Page, before.Headers.ETag);

        Assert.Equal(before.Headers.ETag, firstAfterImport.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Brixton", await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(before.Content.Headers.LastModified, unchanged.Content.Headers.LastModified);
        Assert.Equal(clock.Now, after.Content.Headers.LastModified);
    }

    [Fact]
    public async Task TwoInstancesOverTheSameContent_GiveTheSameETags()
    {
        await using var first = new DiscoveryFactory();
        await using var second = new DiscoveryFactory();
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        foreach (var path in new[] { "/", Page, "/labels?country=denmark", "/feed.xml" })
        {
            using var fromFirst = await GetAsync(firstClient, path);
            using var fromSecond = await GetAsync(secondClient, path);
            using var revalidated = await GetAsync(secondClient, path, fromFirst.Headers.ETag);

            Assert.Equal(fromFirst.Headers.ETag, fromSecond.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }
    }

    [Fact]
    public async Task Restart_OnAnUnchangedStore_KeepsETagAndLastModified()
    {
        var database = TempFolder.Create("db");
        HttpResponseMessage before;
        await using (var first = new DiscoveryFactory(databaseFolder: database))
        {
            before = await GetAsync(first.CreateClient(), Page);
        }

        await using var restarted = new DiscoveryFactory(databaseFolder: database);
        using var after = await GetAsync(restarted.CreateClient(), Page);

        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(before.Content.Headers.LastModified, after.Content.Headers.LastModified);
        before.Dispose();
    }

    [Fact]
    public async Task NotModified_IsAnsweredFromThePageCache_WithoutRunningTheController()
    {
        await using var factory = new DiscoveryFactory();
        var actions = new ActionCounter();
        using var counted = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(mvc => mvc.Filters.Add(actions))));
        using var client = counted.CreateClient();
        using var first = await GetAsync(client, Page);

        using var notModified = await GetAsync(client, Page, first.Headers.ETag);
        var afterNotModified = actions.Count;
        // Once the cache has let the page go, the next conditional request renders it again (a 200 with the same tag).
        await PageCache.EvictAsync(counted.Services.GetRequiredService<IOutputCacheStore>(), TestContext.Current.CancellationToken);
        using var rendered = await GetAsync(client, Page, first.Headers.ETag);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Equal(first.Content.Headers.LastModified, notModified.Content.Headers.LastModified);
        Assert.Equal(1, afterNotModified);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Equal(first.Headers.ETag, rendered.Headers.ETag);
        Assert.Equal(2, actions.Count);
    }

    [Fact]
    public async Task PageLifetime_IsConfigurable()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:PageMaxAgeSeconds"] = "60" });
        using var client = factory.CreateClient();

        using var page = await GetAsync(client, Page);

        Assert.Equal("public, max-age=60", page.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task PrivatePages_AreNoStore_WithoutValidatorsOrCompression()
    {
        const string token = "a-long-secret-for-the-editors";
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = token });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, SitePaths.ContentStatus);
        request.Headers.Add("X-Status-Token", token);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    /// <summary>Counts controller actions run, as a filter every action passes through.</summary>
    private sealed class ActionCounter : IActionFilter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnActionExecuting(ActionExecutingContext context) => Interlocked.Increment(ref _count);

        public void OnActionExecuted(ActionExecutedContext context)
        {
        }
    }
}
