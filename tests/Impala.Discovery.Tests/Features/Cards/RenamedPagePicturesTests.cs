using System.Net;

namespace Impala.Discovery.Tests.Features.Cards;

/// <summary>
/// A member pastes its badge on its own site for years, and social networks keep the card a page was shared with: when
/// an editor renames an entry or an article and keeps the old address (Aliases, as the editors' guide says), the old
/// picture addresses lead to the new ones, as the old page address does, instead of a broken image.
/// </summary>
public sealed class RenamedPagePicturesTests : IAsyncLifetime
{
    private readonly string _content = TempFolder.CopyOf(FrozenContent.Path);
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        var labels = Path.Combine(_content, "articles", "2021-03-record-labels.md");
        var text = File.ReadAllText(labels);
        Assert.Contains("## Ninja Tune\n\n", text);
        File.WriteAllText(labels, text.Replace("## Ninja Tune\n\n", "## Ninja Tune Records\n\n- **Aliases:** ninja-tune\n", StringComparison.Ordinal));
        var venues = Path.Combine(_content, "articles", "2021-02-music-venues.md");
        File.WriteAllText(Path.Combine(_content, "articles", "2021-02-venues-of-europe.md"),
            File.ReadAllText(venues).Replace("\n---\n", "\naliases: music-venues\n---\n", StringComparison.Ordinal));
        File.Delete(venues);
        _factory = new DiscoveryFactory(_content);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("/badge/labels/ninja-tune.svg", "/badge/labels/ninja-tune-records.svg")]
    [InlineData("/badge/labels/ninja-tune.png?theme=dark", "/badge/labels/ninja-tune-records.png?theme=dark")]
    [InlineData("/cards/labels/ninja-tune.png", "/cards/labels/ninja-tune-records.png")]
    [InlineData("/artwork/labels/ninja-tune.svg", "/artwork/labels/ninja-tune-records.svg")]
    [InlineData("/cards/series/music-venues.png", "/cards/series/venues-of-europe.png")]
    [InlineData("/artwork/series/music-venues.svg", "/artwork/series/venues-of-europe.svg")]
    public async Task APictureOfARenamedPage_RedirectsToThePictureAtItsNewAddress(string old, string now)
    {
        using var page = await _client.GetAsync("/labels/ninja-tune", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);

        using var response = await _client.GetAsync(old, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location?.OriginalString);
        using var picture = await _client.GetAsync(now, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.StartsWith("image/", picture.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/badge/labels/never-was-here.svg")]
    [InlineData("/cards/labels/never-was-here.png")]
    [InlineData("/artwork/series/never-was-here.svg")]
    public async Task APictureOfAnAddressThatNeverHadAPage_IsStillNotFound(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
