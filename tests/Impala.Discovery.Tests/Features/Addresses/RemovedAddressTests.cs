using System.Net;
using System.Text.Json;
using Impala.Discovery.Web.Content.Addresses;

namespace Impala.Discovery.Tests.Features.Addresses;

/// <summary>An address recorded in content/removed.yml answers 410 Gone with its reason, on a new store too.</summary>
public sealed class RemovedAddressTests : IAsyncLifetime
{
    private const string Reason = "Cobalt Music asked to leave the series.";
    private const string VenuesReason = "Venues left the series.";
    private readonly string _content = TempFolder.CopyOf(FrozenContent.Path);
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        // Cobalt Music deleted, one artist dropped from a roster, both recorded: the store never saw them.
        var labels = Path.Combine(_content, "articles", "2021-03-record-labels.md");
        var text = File.ReadAllText(labels);
        var start = text.IndexOf("## Cobalt Music\n", StringComparison.Ordinal);
        text = text.Remove(start, text.IndexOf("## Crunchy Frog\n", StringComparison.Ordinal) - start)
            .Replace("- **Artists:** DJ Food, Mr. Scruff, Amon Tobin", "- **Artists:** DJ Food, Mr. Scruff", StringComparison.Ordinal);
        File.WriteAllText(labels, text);
        // The venues kind taken off the site with its only article, its page and one entry recorded.
        File.Delete(Path.Combine(_content, "articles", "2021-02-music-venues.md"));
        File.WriteAllText(Path.Combine(_content, RemovalRecords.FileName),
            "removed:\n" + RemovalRecords.RecordLines("/labels/cobalt-music", Reason) + RemovalRecords.RecordLines("/artists/amon-tobin", "No longer on a label of the series.")
            + RemovalRecords.RecordLines("/venues", VenuesReason) + RemovalRecords.RecordLines("/venues/a38", VenuesReason));
        _factory = new DiscoveryFactory(_content);
        _client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task RecordedEntry_AnswersGoneWithItsReason()
    {
        using var response = await _client.GetAsync("/labels/cobalt-music", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(Reason, page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("/badge/labels/cobalt-music.svg")]
    [InlineData("/badge/labels/cobalt-music.png?theme=dark")]
    [InlineData("/cards/labels/cobalt-music.png")]
    [InlineData("/artwork/labels/cobalt-music.svg")]
    public async Task RecordedEntry_ItsBadgeCardAndArtworkAreGoneToo(string picture)
    {
        using var response = await _client.GetAsync(picture, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    // Found by replay 8: what stands for a removed page (its embed, its oEmbed answer, a removed kind's filtered pages and
    // its API list) answered 404 while the page and its badge answered 410. What stands for a page that never was stays 404.
    [Theory]
    [InlineData("/embed/labels/cobalt-music", HttpStatusCode.Gone)]
    [InlineData("/oembed?url=http://localhost/labels/cobalt-music", HttpStatusCode.Gone)]
    [InlineData("/venues?country=hungary", HttpStatusCode.Gone)]
    [InlineData("/venues?decade=2000s&page=2", HttpStatusCode.Gone)]
    [InlineData("/api/v1/venues", HttpStatusCode.Gone)]
    [InlineData("/api/v1/venues?country=hungary", HttpStatusCode.Gone)]
    [InlineData("/embed/venues/a38", HttpStatusCode.Gone)]
    [InlineData("/embed/labels/never-was-here", HttpStatusCode.NotFound)]
    [InlineData("/oembed?url=http://localhost/labels/never-was-here", HttpStatusCode.NotFound)]
    [InlineData("/festivals?country=hungary", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/festivals", HttpStatusCode.NotFound)]
    public async Task WhatStandsForAPage_AnswersAsThePageDoes(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RecordedEntry_ItsApiAddressIsGoneWithTheReason()
    {
        using var response = await _client.GetAsync("/api/v1/labels/cobalt-music", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.EndsWith(Reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RecordedArtist_AnswersGone_AndAnUnrecordedOneStaysNotFound()
    {
        using var removed = await _client.GetAsync("/artists/amon-tobin", TestContext.Current.CancellationToken);
        using var never = await _client.GetAsync("/artists/nobody-at-all", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }

    [Fact]
    public async Task TwoRemovedAddresses_EachPageGivesItsOwnReason()
    {
        using var first = await _client.GetAsync("/labels/cobalt-music", TestContext.Current.CancellationToken);
        using var second = await _client.GetAsync("/artists/amon-tobin", TestContext.Current.CancellationToken);

        Assert.Contains(Reason, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var other = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("No longer on a label of the series.", other);
        Assert.DoesNotContain(Reason, other);
    }
}
