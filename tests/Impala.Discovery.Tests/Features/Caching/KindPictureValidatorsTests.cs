using System.Net;
using Impala.Discovery.Web.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Impala.Discovery.Tests.Features.Caching;

/// <summary>
/// A kind's picture is named in kinds.yml by its file. Saved again under the same name, it changes the kind's page (the
/// renditions' addresses hold the picture's hash, and the old ones are pruned), while kinds.yml and every article stay
/// as they were: the page kept its ETag, so a browser or nginx revalidating it was told 304 and kept a page whose
/// picture answers 404 (found by sweep 7).
/// </summary>
public sealed class KindPictureValidatorsTests
{
    [Fact]
    public async Task AKindPictureSavedAgainUnderTheSameName_IsANewPage_NotA304()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var content = TempFolder.CopyOf(FrozenContent.Path);
        // A picture only the kind shows: no article names it, so no article's text or fingerprint changes with it.
        var picture = Path.Combine(content, "images", "labels-cover.png");
        File.WriteAllBytes(picture, TestPictures.Png(800, 600));
        var kindsFile = Path.Combine(content, ContentFolder.KindsFileName);
        var kinds = File.ReadAllText(kindsFile);
        const string LabelsKind = "  - key: labels\n";
        Assert.Contains(LabelsKind, kinds);
        File.WriteAllText(kindsFile, kinds.Replace(
            LabelsKind, LabelsKind + "    image: images/labels-cover.png\n    image_alt: A shelf of records\n", StringComparison.Ordinal));
        await using var factory = new DiscoveryFactory(content);
        using var client = factory.CreateClient();
        using var before = await client.GetAsync("/labels", cancellationToken);
        var beforeHtml = await before.Content.ReadAsStringAsync(cancellationToken);
        Assert.Contains("A shelf of records", beforeHtml);

        File.WriteAllBytes(picture, TestPictures.Png(900, 600));
        var report = await factory.Services.GetRequiredService<ContentImporter>().ImportAsync(cancellationToken);
        // Another visitor asks first: the page made from the new picture is kept, and revalidations are answered from it.
        (await client.GetAsync("/labels", cancellationToken)).Dispose();
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/labels");
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(revalidation, cancellationToken);

        Assert.Empty(report.Errors);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(beforeHtml, await after.Content.ReadAsStringAsync(cancellationToken));
    }
}
