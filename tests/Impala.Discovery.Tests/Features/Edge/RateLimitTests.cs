using System.Net;
using Microsoft.AspNetCore.Http;

namespace Impala.Discovery.Tests.Features.Edge;

/// <summary>Work the page cache cannot answer is limited per client address; a flood gets the 429 page, everyone else does not notice.</summary>
public sealed class RateLimitTests
{
    // Small numbers, so a test empties a bucket in a few requests; one token back a second cannot refill it in time.
    private static DiscoveryFactory Limited() => new(settings: new Dictionary<string, string>
    {
        ["Discovery:RateLimitBurst"] = "3",
        ["Discovery:RateLimitPerSecond"] = "1",
    });

    private static async Task<HttpContext> SearchAsync(DiscoveryFactory factory, string from, string? path = null) =>
        await factory.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = path ?? "/search";
            context.Request.QueryString = path is null ? new QueryString("?q=" + Guid.NewGuid().ToString("N")) : QueryString.Empty;
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        }, TestContext.Current.CancellationToken);

    private static async Task<HttpContext> FloodAsync(DiscoveryFactory factory, string from)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var context = await SearchAsync(factory, from);
            if (context.Response.StatusCode != 200)
            {
                return context;
            }
        }

        throw new InvalidOperationException("50 uncached searches were all answered: there is no limit.");
    }

    /// <summary>
    /// A flood from one address, then one request from <paramref name="askFrom"/>. The bucket gains a token a second, so
    /// on a slow, busy machine one may come back between the two: the pair is tried again (a few times) before the
    /// answer counts. Where the limit is missing, every try answers 200.
    /// </summary>
    private static async Task<HttpContext> RightAfterFloodAsync(DiscoveryFactory factory, string floodFrom, string askFrom)
    {
        HttpContext answer = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await FloodAsync(factory, floodFrom);
            answer = await SearchAsync(factory, askFrom);
            if (answer.Response.StatusCode == StatusCodes.Status429TooManyRequests)
            {
                break;
            }
        }

        return answer;
    }

    [Fact]
    public async Task FloodOfUncachedSearches_GetsThe429PageWithRetryAfter()
    {
        await using var factory = Limited();
        using var client = factory.CreateClient();

        var refused = await FloodAsync(factory, "198.51.100.1");

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var page = await Html.ParseAsync(await new StreamReader(refused.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Too many requests at once", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task LimitedClient_StillGetsCachedPages()
    {
        await using var factory = Limited();
        Assert.Equal(200, (await SearchAsync(factory, "198.51.100.1", "/about")).Response.StatusCode);

        await FloodAsync(factory, "198.51.100.1");

        Assert.Equal(200, (await SearchAsync(factory, "198.51.100.1", "/about")).Response.StatusCode);
    }

    [Fact]
    public async Task ManyPictureRequests_AreAllAnswered_EvenForAClientWhoseBucketIsEmpty()
    {
        // An index page of 60 cards asks for 60 pictures at once; pictures are not in the page cache (they are read
        // from the store by their fixed address), so they must not spend the bucket meant for searches.
        await using var factory = Limited();
        using var client = factory.CreateClient();
        var page = await Html.ParseAsync(await client.GetStringAsync("/venues/a38", TestContext.Current.CancellationToken));
        var renditions = page.QuerySelectorAll(".page-picture source, .page-picture img")
            .SelectMany(element => element.GetAttribute("srcset")!.Split(", ").Select(candidate => candidate.Split(' ')[0])).ToList();
        await FloodAsync(factory, "198.51.100.1");

        var answers = new List<int>();
        foreach (var rendition in renditions.Concat(renditions))
        {
            answers.Add((await SearchAsync(factory, "198.51.100.1", rendition)).Response.StatusCode);
        }

        Assert.Equal(16, answers.Count);
        Assert.All(answers, status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task OtherClients_AreNotLimitedByOnesFlood()
    {
        await using var factory = Limited();

        await FloodAsync(factory, "198.51.100.1");

        Assert.Equal(200, (await SearchAsync(factory, "198.51.100.2")).Response.StatusCode);
        Assert.Equal(200, (await SearchAsync(factory, "2001:db8::1")).Response.StatusCode);
    }

    [Fact]
    public async Task AddressesOfOneIpv6Network_ShareABucket()
    {
        await using var factory = Limited();

        Assert.Equal(429, (await RightAfterFloodAsync(factory, "2001:db8:0:1::1", "2001:db8:0:1::ffff")).Response.StatusCode);
        Assert.Equal(200, (await SearchAsync(factory, "2001:db8:0:2::1")).Response.StatusCode);
    }

    [Fact]
    public async Task RefusedRequests_ShareOneRenderedPage_ThatCannotBeAskedForDirectly()
    {
        await using var factory = Limited();
        var refused = await RightAfterFloodAsync(factory, "198.51.100.1", "198.51.100.1");

        Assert.Equal(429, refused.Response.StatusCode);
        Assert.True(refused.Response.Headers.Age.Count > 0, "The second 429 page was rendered again instead of coming from the page cache.");
        Assert.NotEmpty(refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal(404, (await SearchAsync(factory, "198.51.100.2", "/error/429")).Response.StatusCode);
    }
}
