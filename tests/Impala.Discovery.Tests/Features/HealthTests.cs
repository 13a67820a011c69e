using System.Net;

namespace Impala.Discovery.Tests.Features;

/// <summary>What an operator's service manager and load balancer ask: is the process up, and does it have content.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_BeforeTheFirstImportEnds_AnswersWhileReadySaysNotYet()
    {
        await using var factory = new DiscoveryFactory(importContent: false);
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("content: Unhealthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ready_EveryFileImported_IsHealthy()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Healthy\n", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task AMethodOtherThanGetOrHead_Is405()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            foreach (var method in new[] { "TRACE", "PUT", "DELETE", "OPTIONS", "POST" })
            {
                using var answer = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), token);
                Assert.True(answer.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {answer.StatusCode}");
            }

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), token);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Fact]
    public async Task Ready_WithARefusedFile_IsDegradedWithTheCountAndStillServes()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-broken.md"), "no front matter here\n");
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("Degraded\n", body);
        Assert.Contains("1 content file is refused", body);
    }
}
