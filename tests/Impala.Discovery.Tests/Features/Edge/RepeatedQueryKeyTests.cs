using System.Net;
using System.Text.Json;
using Impala.Discovery.Tests.Features.Api;
using Impala.Discovery.Web.Features.Api;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>
/// A query key an action reads, given twice (?country=denmark&amp;country=france), is one rule everywhere: a 400 that
/// names the key, the site's 400 page on pages and a problem on the API, HEAD as GET, never served from the cache.
/// The routes come from the app's own actions, as the page cache derives the keys, so a new one is covered at once.
/// </summary>
public sealed class RepeatedQueryKeyTests(SiteFixture site)
{
    private HttpClient Client => site.Client;

    // Values that let each template match its route, so that the request reaches its action's filters.
    private static readonly Dictionary<string, string> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kind"] = "labels",
        ["slug"] = "ninja-tune",
        ["file"] = "ninja-tune.svg",
        ["page"] = "labels/ninja-tune.png",
        ["hash"] = "0f3a9c",
        ["name"] = "480.webp",
    };

    private List<(string Path, string Key)> RoutesReadingQueryKeys()
    {
        _ = Client; // starts the app, whose endpoints are read below
        return site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .SelectMany(endpoint => QueryKeysReadByAction.SingleValuedKeysOf(endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!)
                .Select(key => (RoutePaths.PathOf(endpoint.RoutePattern, name => Values.GetValueOrDefault(name, "x")), key)))
            .Distinct()
            .ToList();
    }

    [Fact]
    public async Task RepeatedKey_OnEveryRouteThatReadsIt_Answers400NamingTheKey_HeadAsGet()
    {
        var routes = RoutesReadingQueryKeys();
        var failures = new List<string>();
        foreach (var (path, key) in routes)
        {
            var target = $"{path}?{key}=1&{key}=2";
            using var get = await Client.GetAsync(target, TestContext.Current.CancellationToken);
            var body = await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var type = get.Content.Headers.ContentType?.MediaType;
            var named = ApiRegistration.IsOpenToOtherSites(path)
                ? type == "application/problem+json" && JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() == RepeatedQueryKeys.Reason(key)
                : type == "text/html" && (await Html.ParseAsync(body)).QuerySelector(".error-page .lede")?.TextContent == RepeatedQueryKeys.Reason(key);
            if (get.StatusCode != HttpStatusCode.BadRequest || !named || get.Headers.ETag is not null)
            {
                failures.Add($"GET {target}: {(int)get.StatusCode} {type}, key named: {named}, ETag {get.Headers.ETag}");
            }

            using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, target), TestContext.Current.CancellationToken);
            var headBody = await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            if (head.StatusCode != get.StatusCode || head.Content.Headers.ContentType?.MediaType != type || headBody.Length > 0)
            {
                failures.Add($"HEAD {target}: {(int)head.StatusCode} {head.Content.Headers.ContentType?.MediaType} with {headBody.Length} bytes");
            }
        }

        // The pages and their API twins are among them, with every key they read.
        foreach (var expected in new[] { ("/labels", "country"), ("/labels", "page"), ("/api/v1/labels", "country"), ("/api/v1/labels", "pageSize"),
            ("/search", "q"), ("/api/v1/search", "q"), ("/series", "page"), ("/artists", "page"), ("/oembed", "url"), ("/embed/labels/ninja-tune", "theme") })
        {
            Assert.Contains(expected, routes);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/labels", "/api/v1/labels", "country=denmark&country=france")]
    [InlineData("/labels", "/api/v1/labels", "page=2&page=1")]
    [InlineData("/labels", "/api/v1/labels", "decade=1990s&DECADE=2000s")]
    [InlineData("/search", "/api/v1/search", "q=ninja&q=tune")]
    public async Task RepeatedKey_GivesThePageAndTheApiTheSameAnswer(string page, string api, string query)
    {
        var key = query.Split('=')[0].ToLowerInvariant();
        var html = await site.GetPageAsync($"{page}?{query}", expectedStatus: 400);
        Assert.Equal(RepeatedQueryKeys.Reason(key), html.QuerySelector(".error-page .lede")?.TextContent);

        var problem = await ApiResponse.ProblemAsync(Client, $"{api}?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(RepeatedQueryKeys.Reason(key), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RepeatedKey_IsNeverServedAnotherAddressesCachedPage()
    {
        // The page cache keys repeated values sorted and joined by U+001F: these two addresses share its key with the
        // ones after them, so a lookup would hand out their pages.
        using var joined = await Client.GetAsync("/search?q=ninja%1Ftune", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        using var repeated = await Client.GetAsync("/search?q=ninja&q=tune", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, repeated.StatusCode);

        await site.GetPageAsync("/labels?country=denmark&country=france", expectedStatus: 400);
        var swapped = await site.GetPageAsync("/labels?country=france&country=denmark", expectedStatus: 400);
        Assert.Equal(RepeatedQueryKeys.Reason("country"), swapped.QuerySelector(".error-page .lede")?.TextContent);
    }

    [Fact]
    public async Task RepeatedKey_ThatMatchesACachedPagesTag_IsStillRefused_NeverA304()
    {
        using var first = await Client.GetAsync("/labels?country=denmark", TestContext.Current.CancellationToken);
        Assert.NotNull(first.Headers.ETag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/labels?country=denmark&country=denmark");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var conditional = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, conditional.StatusCode);
    }

    [Theory]
    [InlineData("/labels?utm_source=a&utm_source=b")]
    [InlineData("/api/v1/labels?x=1&x=2")]
    [InlineData("/series/record-labels?page=2&page=3")]
    public async Task RepeatedKey_TheActionDoesNotRead_IsIgnoredAsBefore(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
