using SkiaSharp;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// Ninja Tune's social card, from the frozen fixture, compared with the approved picture beside this file
/// (golden-ninja-tune.png). A change to the design is meant to fail here: look at the new card, and if it is right,
/// refresh the golden image with
/// <c>IMPALA_REFRESH_GOLDEN=1 dotnet test --project tests/Impala.Discovery.Tests -- --filter-class "*GoldenCardTests"</c>
/// and commit it.
/// </summary>
public sealed class GoldenCardTests(SiteFixture site)
{
    private const string GoldenName = "golden-ninja-tune.png";

    /// <summary>Anti-aliasing may differ in a few edge pixels between Skia builds; the picture may not.</summary>
    private const double AllowedShareOfDifferentPixels = 0.005;

    [Fact]
    public async Task NinjaTunesCard_LooksLikeTheApprovedOne()
    {
        var png = await site.Client.GetByteArrayAsync("/cards/labels/ninja-tune.png", TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("IMPALA_REFRESH_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), GoldenName), png);
        }

        using var golden = SKBitmap.Decode(Path.Combine(AppContext.BaseDirectory, "Features", "Cards", GoldenName));
        using var card = SKBitmap.Decode(png);

        Assert.NotNull(golden);
        var share = CardPixels.ShareOfDifferentPixels(golden, card);
        Assert.True(share <= AllowedShareOfDifferentPixels, $"{share:P2} of the card's pixels differ from {GoldenName}");
    }

    /// <summary>This folder in the source tree, found by walking up from the test binaries to the test project.</summary>
    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Impala.Discovery.Tests.csproj")))
            {
                return Path.Combine(folder.FullName, "Features", "Cards");
            }
        }

        throw new InvalidOperationException("The test project's folder was not found above " + AppContext.BaseDirectory);
    }
}
