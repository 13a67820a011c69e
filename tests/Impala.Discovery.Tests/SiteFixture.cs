using AngleSharp.Html.Dom;

[assembly: AssemblyFixture(typeof(Impala.Discovery.Tests.SiteFixture))]

namespace Impala.Discovery.Tests;

/// <summary>One app over the frozen content fixture, shared by every test that only reads pages.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private readonly DiscoveryFactory _factory = new();

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    public async Task<IHtmlDocument> GetPageAsync(string path, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
