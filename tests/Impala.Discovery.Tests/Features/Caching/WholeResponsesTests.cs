using System.Net;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// nginx's microcache keeps an answer as the site sent it: a page that first went out chunked was sent chunked on every
/// hit, a third slower than a file. So every page leaves with its length, the first time it is rendered too, in every
/// encoding; real Kestrel, since the in-memory server frames nothing.
/// </summary>
public sealed class WholeResponsesTests
{
    private static readonly string[] Paths =
    [
        "/", "/series", "/series/record-labels", "/labels", "/labels/ninja-tune", "/countries", "/countries/united-kingdom",
        "/search?q=tune", "/feed.xml", "/sitemap.xml", "/api/v1/labels", "/api/v1/labels/ninja-tune", "/labels/no-such-label",
    ];

    [Fact]
    public async Task PagesRenderedNow_LeaveWithTheirLength_InEveryEncoding()
    {
        await using var factory = new DiscoveryFactory(onLoopbackPort: true);
        factory.StartServer();
        await factory.Services.GetRequiredService<PageWarmUp>().Warmed;
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = LoopbackAddress(factory) };

        foreach (var encoding in new[] { "", "gzip", "br" })
        {
            // What an import does: every page is rendered again on its next request.
            await PageCache.EvictAsync(factory.Services.GetRequiredService<IOutputCacheStore>(), TestContext.Current.CancellationToken);
            foreach (var path in Paths)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (encoding.Length > 0)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                }

                using var answer = await client.SendAsync(request, TestContext.Current.CancellationToken);
                var body = await answer.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

                var what = $"{path} ({(encoding.Length > 0 ? encoding : "identity")}, {(int)answer.StatusCode})";
                Assert.True(answer.Headers.TransferEncodingChunked is not true, $"{what} went out chunked");
                Assert.True(answer.Content.Headers.ContentLength == body.Length, $"{what}: Content-Length {answer.Content.Headers.ContentLength}, body {body.Length} bytes");
                Assert.True(body.Length > 0, $"{what} has no body");
                Assert.Equal(path.EndsWith("no-such-label", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, answer.StatusCode);
                if (answer.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    // The compressed pages are the ones that went out chunked.
                    Assert.Equal(encoding.Length > 0 ? encoding : null, answer.Content.Headers.ContentEncoding.SingleOrDefault());
                }
            }
        }
    }

    private static Uri LoopbackAddress(DiscoveryFactory factory) => new($"http://{RawHttp.EndpointOf(factory)}");
}
