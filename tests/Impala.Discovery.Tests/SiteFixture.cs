using AngleSharp.Html.Dom;

[assembly: AssemblyFixture(typeof(Impala.Discovery.Tests.SiteFixture))]

namespace Impala.Discovery.Tests;

/// <summary>
/// One app over the frozen content fixture, shared by every test that only reads pages. It starts when a test first
/// asks for it, so that a child process running one explicit test (Fuzzing/) does not start a site it never reads.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly DiscoveryFactory _factory = new();
    private readonly Lazy<HttpClient> _client;

    public SiteFixture() => _client = new(() => _factory.CreateClient(new() { AllowAutoRedirect = false }));

    public HttpClient Client => _client.Value;

    /// <summary>The running app's services, such as its endpoints.</summary>
    public IServiceProvider Services => _factory.Services;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    public async Task<IHtmlDocument> GetPageAsync(string path, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
