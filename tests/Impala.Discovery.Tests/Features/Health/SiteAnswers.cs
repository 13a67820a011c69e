using System.Net;

namespace Impala.Discovery.Tests.Features.Health;

/// <summary>What the health tests read of a running site, asked as a load balancer or a visitor would.</summary>
public static class SiteAnswers
{
    public static async Task<string> ReadyAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<HttpStatusCode> StatusAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
