using System.Net;
using Impala.Discovery.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Shared;

/// <summary>
/// After a start, the site asks itself for one page of each template, so that the first visitor (or the editor whose
/// first save after a restart waits for its page) does not pay for compiling its queries and views. What that saves is
/// measured by tests/Benchmarks/startup-10k.sh (edits after a restart); these tests hold that every template is asked for.
/// </summary>
public sealed class PageWarmUpTests
{
    [Fact]
    public async Task AfterTheStart_OnePageOfEveryTemplateIsAskedFor_AndEachAnswers200()
    {
        await using var factory = new DiscoveryFactory(onLoopbackPort: true);

        var warmed = await factory.Services.GetRequiredService<PageWarmUp>().Warmed.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.All(warmed, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        var paths = warmed.Select(page => page.Path).ToList();
        Assert.Contains("/", paths);
        Assert.Contains(paths, path => path.StartsWith("/series/", StringComparison.Ordinal));
        foreach (var kind in new[] { "/labels", "/venues" })
        {
            Assert.Contains(kind, paths);
            Assert.Contains(paths, path => path.StartsWith(kind + "/", StringComparison.Ordinal));
        }

        Assert.Contains(paths, path => path.StartsWith("/countries/", StringComparison.Ordinal));
        Assert.Contains(paths, path => path.StartsWith("/artists/", StringComparison.Ordinal));
        Assert.Contains(paths, path => path.StartsWith("/search?q=", StringComparison.Ordinal));

    }

    [Fact]
    public async Task OnTheInMemoryTestServer_NothingIsAskedFor()
    {
        await using var factory = new DiscoveryFactory();
        using var client = factory.CreateClient();

        Assert.Empty(await factory.Services.GetRequiredService<PageWarmUp>().Warmed.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));
    }
}
