using System.Net;
using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features;

/// <summary>The series index pages like the kind indexes, so it stays light however many years the series runs.</summary>
public sealed class SeriesPagingTests : IAsyncLifetime
{
    private const int Generated = 40;
    private readonly string _content = TempFolder.CopyOf(FrozenContent.Path);
    private DiscoveryFactory _factory = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        for (var i = 0; i < Generated; i++)
        {
            var published = new DateOnly(2000, 1, 1).AddMonths(i);
            File.WriteAllText(Path.Combine(_content, "articles", $"{published:yyyy-MM}-extra-{i}.md"), $"""
                ---
                title: Extra labels {i}
                kind: labels
                published: {published:yyyy-MM-dd}
                summary: One more article.
                ---

                ## Extra Label {i}

                - **Country:** Belgium
                - **Founded:** 1999
                """);
        }

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
    public async Task SeriesIndex_ShowsThirtySixArticlesAPageNewestFirst()
    {
        var first = await PageAsync("/series");
        var second = await PageAsync("/series?page=2");

        var firstTitles = Titles(first);
        var secondTitles = Titles(second);
        Assert.Equal(36, firstTitles.Count);
        Assert.Equal(FrozenContent.ArticleFileNames.Count + Generated - 36, secondTitles.Count);
        Assert.Empty(firstTitles.Intersect(secondTitles));
        Assert.Equal("Extra labels 0", secondTitles[^1]);
        Assert.Equal("/series?page=2", first.QuerySelector("head link[rel=next]")?.GetAttribute("href"));
        Assert.Equal("/series", second.QuerySelector("head link[rel=prev]")?.GetAttribute("href"));
        Assert.EndsWith("/series?page=2", second.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")?.TextContent);
    }

    [Theory]
    [InlineData("/series?page=1", HttpStatusCode.MovedPermanently)]
    [InlineData("/series?page=3", HttpStatusCode.NotFound)]
    [InlineData("/series?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/series?page=abc", HttpStatusCode.BadRequest)]
    public async Task SeriesIndex_OtherPageNumbers_AnswerWithTheRightStatus(string path, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
    }

    private async Task<IHtmlDocument> PageAsync(string path) =>
        await Html.ParseAsync(await _client.GetStringAsync(path, TestContext.Current.CancellationToken));

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll(".article-cards h3 a").Select(link => link.TextContent.Trim()).ToList();
}
