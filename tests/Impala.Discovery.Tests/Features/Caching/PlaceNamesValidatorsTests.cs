using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// content/places.yml gives the search other names of places. A name added there changes what a search finds, while
/// kinds.yml and every article stay as they were: the search page kept its ETag, so a browser or nginx revalidating it
/// was told 304 and kept the answer without the new matches (found by sweep 7).
/// </summary>
public sealed class PlaceNamesValidatorsTests
{
    [Fact]
    public async Task ANameAddedToPlaces_IsANewSearchPage_NotA304()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var places = Path.Combine(content, "places.yml");
        var text = File.ReadAllText(places);
        const string Copenhagen = "  Copenhagen: [København, Kopenhagen]\n";
        Assert.Contains(Copenhagen, text);
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        using var before = await client.GetAsync("/search?q=Smoke", cancellationToken);

        File.WriteAllText(places, text.Replace(Copenhagen, "  Copenhagen: [København, Kopenhagen, Smoke]\n", StringComparison.Ordinal));
        var report = await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(cancellationToken);
        // Another visitor asks first: the page made with the new names is kept, and revalidations are answered from it.
        (await client.GetAsync("/search?q=Smoke", cancellationToken)).Dispose();
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/search?q=Smoke");
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(revalidation, cancellationToken);

        Assert.Empty(report.Errors);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(await before.Content.ReadAsStringAsync(cancellationToken), await after.Content.ReadAsStringAsync(cancellationToken));
    }
}
