using Impala.Discovery.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Impala.Discovery.BrowserTests.SiteServer))]

namespace Impala.Discovery.BrowserTests;

/// <summary>One app on a loopback port for the whole run, shared by every test: the browser and HttpClient both talk to it.</summary>
public sealed class SiteServer : IAsyncLifetime
{
    private readonly DiscoveryFactory _factory;

    public SiteServer()
        : this(new DiscoveryFactory(onLoopbackPort: true))
    {
    }

    private SiteServer(DiscoveryFactory factory) => _factory = factory;

    /// <summary>The address Kestrel listens on, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A plain HTTP client that does not follow redirects, so tests see each answer as it is.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A second app for the tests that need other content or settings than the shared one.</summary>
    public static async Task<SiteServer> StartAsync(DiscoveryFactory factory)
    {
        var site = new SiteServer(factory);
        await site.InitializeAsync();
        return site;
    }

    public ValueTask InitializeAsync()
    {
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await _factory.DisposeAsync();
    }

    public Uri Address(string pathAndQuery) => new(BaseAddress, pathAndQuery);
}
