using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;
using Impala.Discovery.Web.Features.Pictures;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Impala.Discovery.Tests.Features.Pictures;

/// <summary>
/// Renditions are made when first asked for, not at import, and kept in a folder beside the store: a new instance
/// serves its pages at once, each rendition is made once (however many ask for it together) and then served from its
/// file, the folder outlives the store, and an address whose picture has changed is not made from the new bytes and
/// is deleted after the next import.
/// </summary>
public sealed partial class RenditionCacheTests
{
    private const string A38 = "/venues/a38";

    [Fact]
    public async Task ANewInstance_ServesItsPages_BeforeAnyRenditionIsMade()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        using var page = await client.GetAsync(A38, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches(PictureAddress(), await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(CachedFiles(factory));
    }

    [Fact]
    public async Task TheFirstRequest_MakesTheRendition_AndTheNextIsServedFromItsFile_WithValidatorsAndRanges()
    {
        var made = new MadeRenditions();
        await using var factory = new DiscoveryFactory();
        using var logged = made.In(factory);
        using var client = logged.CreateClient();
        var url = await PictureUrlAsync(client);

        using var first = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var bytes = await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var file = CachedFile(factory, url);
        Assert.Equal(bytes, File.ReadAllBytes(file));
        var kept = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, kept);
        using var second = await client.GetAsync(url, TestContext.Current.CancellationToken);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate, TestContext.Current.CancellationToken);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var part = await client.SendAsync(ranged, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(kept, second.Content.Headers.LastModified?.UtcDateTime);
        Assert.Equal("public, max-age=31536000, immutable", second.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, made.Count(url));
    }

    [Fact]
    public async Task DeletingTheStore_KeepsTheRenditionsMade()
    {
        var databaseFolder = TempFolder.Create("db");
        string url;
        byte[] bytes;
        await using (var before = new DiscoveryFactory(databaseFolder: databaseFolder))
        {
            using var client = before.CreateClient();
            url = await PictureUrlAsync(client);
            bytes = await client.GetByteArrayAsync(url, TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        foreach (var storeFile in Directory.EnumerateFiles(databaseFolder, "discovery.db*"))
        {
            File.Delete(storeFile);
        }

        var made = new MadeRenditions();
        await using var after = new DiscoveryFactory(databaseFolder: databaseFolder);
        using var logged = made.In(after);
        using var rebuilt = logged.CreateClient();

        Assert.Equal(url, await PictureUrlAsync(rebuilt));
        Assert.Equal(bytes, await rebuilt.GetByteArrayAsync(url, TestContext.Current.CancellationToken));
        Assert.Equal(0, made.Count(url));
    }

    [Fact]
    public async Task APictureReplacedInTheContent_GetsANewAddress_AndTheOldOneIsNotMadeFromTheNewFile()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        var before = await PictureUrlAsync(client);
        Assert.EndsWith("/720.jpg", before);
        using var madeBefore = await client.GetAsync(before, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, madeBefore.StatusCode);

        await File.WriteAllBytesAsync(Path.Combine(content, "images", "a38.jpg"), TestPictures.Jpeg(1200, 800), TestContext.Current.CancellationToken);
        using var notYetMade = await client.GetAsync(before.Replace("/720.jpg", "/480.jpg", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(TestContext.Current.CancellationToken);
        var after = await PictureUrlAsync(client);
        using var old = await client.GetAsync(before, TestContext.Current.CancellationToken);
        using var replaced = await client.GetAsync(after, TestContext.Current.CancellationToken);

        // Until the import, the old address is still the old picture's: what was made stays, nothing is made from the new bytes.
        Assert.Equal(HttpStatusCode.NotFound, notYetMade.StatusCode);
        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.False(File.Exists(CachedFile(factory, before)), "the old picture's renditions are deleted after the import");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal((720, 480), TestPictures.SizeOf(await replaced.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ManyFirstRequestsAtOnce_MakeTheRenditionOnce()
    {
        var made = new MadeRenditions();
        await using var factory = new DiscoveryFactory();
        using var logged = made.In(factory);
        using var client = logged.CreateClient();
        var url = (await PictureUrlAsync(client)).Replace("/720.jpg", "/960.webp", StringComparison.Ordinal);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            return (response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Single(answers.Select(answer => Convert.ToBase64String(answer.Bytes)).Distinct());
        Assert.Equal(1, made.Count(url));
    }

    [Fact]
    public async Task ACacheFolderThatCannotBeWritten_StillServesThePicture()
    {
        var databaseFolder = TempFolder.Create("db");
        File.WriteAllText(Path.Combine(databaseFolder, RenditionCache.FolderName), "a file where the folder should be");
        await using var factory = new DiscoveryFactory(databaseFolder: databaseFolder);
        using var client = factory.CreateClient();
        var url = await PictureUrlAsync(client);

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((720, 480), TestPictures.SizeOf(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.NotNull(response.Headers.ETag);
    }

    // Found by the issue-21 sweep: with the folder unwritable (a full disk, a read-only data folder) every request made
    // its rendition again, outside the rate limit (0.25 CPU-s each for the fixture's small JPEG), and logged a warning.
    [Fact]
    public async Task ACacheFolderThatCannotBeWritten_MakesEachRenditionOnce_AndSaysSoOnce()
    {
        var databaseFolder = TempFolder.Create("db");
        File.WriteAllText(Path.Combine(databaseFolder, RenditionCache.FolderName), "a file where the folder should be");
        var made = new MadeRenditions();
        await using var factory = new DiscoveryFactory(databaseFolder: databaseFolder);
        using var logged = made.In(factory);
        using var client = logged.CreateClient();
        var url = await PictureUrlAsync(client);
        var other = url.Replace("/720.jpg", "/480.webp", StringComparison.Ordinal);

        var answers = new List<byte[]>();
        foreach (var address in new[] { url, url, other, url, other })
        {
            answers.Add(await client.GetByteArrayAsync(address, TestContext.Current.CancellationToken));
        }

        Assert.Equal(answers[0], answers[3]);
        Assert.Equal(answers[2], answers[4]);
        Assert.Equal(1, made.Count(url));
        Assert.Equal(1, made.Count(other));
        Assert.Equal(1, made.NotKept());
    }

    private static string CacheFolder(DiscoveryFactory factory) => Path.Combine(factory.DatabaseFolder, RenditionCache.FolderName);

    private static IEnumerable<string> CachedFiles(DiscoveryFactory factory) =>
        Directory.Exists(CacheFolder(factory)) ? Directory.EnumerateFiles(CacheFolder(factory), "*", SearchOption.AllDirectories) : [];

    // "/pictures/{hash}/{name}" is kept as "renditions/{hash}/{name}".
    private static string CachedFile(DiscoveryFactory factory, string url) =>
        Path.Combine(CacheFolder(factory), url.Split('/')[2], url.Split('/')[3]);

    // The JPEG that A38's page shows at the top (720 pixels wide).
    private static async Task<string> PictureUrlAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync(A38, TestContext.Current.CancellationToken));
        return page.QuerySelector(".entry header .page-picture img")!.GetAttribute("src")!;
    }

    [GeneratedRegex("/pictures/[0-9a-f]{20}/720\\.jpg")]
    private static partial Regex PictureAddress();

    /// <summary>The app's log lines that say a rendition was made, read from the services as the app's other sinks are.</summary>
    private sealed class MadeRenditions : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> In(DiscoveryFactory factory) =>
            factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(this)));

        public int Count(string url) => _events.Count(logEvent => logEvent.MessageTemplate.Text.StartsWith("Made the rendition", StringComparison.Ordinal)
            && $"/pictures/{Text(logEvent, "Hash")}/{Text(logEvent, "Name")}" == url);

        public int NotKept() => _events.Count(logEvent => logEvent.Level == LogEventLevel.Warning
            && logEvent.MessageTemplate.Text.Contains("could not be kept", StringComparison.Ordinal));

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

        private static string? Text(LogEvent logEvent, string property) =>
            logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string text } ? text : null;
    }
}
