using System.Net;
using System.Text.Json;

namespace Impala.Discovery.Tests.Features.Api;

/// <summary>An API answer read as JSON, with the status and content type a client would check first.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? ContentType, JsonElement Json, HttpResponseMessage Message)
{
    public static async Task<ApiResponse> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, response);
    }

    /// <summary>A 200 answer's JSON; fails the test with the status otherwise.</summary>
    public static async Task<JsonElement> OkAsync(HttpClient client, string path)
    {
        var response = await GetAsync(client, path);
        Assert.True(response.Status == HttpStatusCode.OK, $"{path} answered {(int)response.Status}: {response.Json}");
        Assert.Equal("application/json", response.ContentType);
        return response.Json;
    }

    /// <summary>Asserts an RFC 9457 problem with every member a client reads, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await GetAsync(client, path);
        Assert.Equal(expected, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        var problem = response.Json;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("https://", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.StartsWith("/api", problem.GetProperty("instance").GetString());
        return problem;
    }
}
