using System.Net;
using System.Text.Json;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Shared;

namespace Impala.Discovery.Tests.Features.Embeds;

/// <summary>The oEmbed provider as a blog that knows the site asks it, when a member pastes the address of their page.</summary>
public sealed class OEmbedTests(SiteFixture site)
{
    private const string Site = "http://localhost";

    private async Task<HttpResponseMessage> AskAsync(string query) =>
        await site.Client.GetAsync(SitePaths.OEmbed + query, TestContext.Current.CancellationToken);

    private async Task<JsonElement> AnswerAsync(string query)
    {
        using var response = await AskAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static string Url(string pageUrl) => "?url=" + Uri.EscapeDataString(pageUrl);

    [Fact]
    public async Task EntryUrl_AnswersARichCardThatFramesItsEmbedPage()
    {
        var answer = await AnswerAsync(Url($"{Site}/labels/ninja-tune") + "&format=json");

        Assert.Equal("rich", answer.GetProperty("type").GetString());
        Assert.Equal("1.0", answer.GetProperty("version").GetString());
        Assert.Equal("Ninja Tune", answer.GetProperty("title").GetString());
        Assert.Equal("Impala Discovery", answer.GetProperty("provider_name").GetString());
        Assert.Equal($"{Site}/", answer.GetProperty("provider_url").GetString());
        Assert.Equal($"{Site}/cards/labels/ninja-tune.png", answer.GetProperty("thumbnail_url").GetString());
        Assert.Equal(1200, answer.GetProperty("thumbnail_width").GetInt32());
        Assert.Equal(630, answer.GetProperty("thumbnail_height").GetInt32());

        var frame = (await Html.ParseAsync(answer.GetProperty("html").GetString()!)).QuerySelector("iframe")!;
        Assert.Equal($"{Site}/embed/labels/ninja-tune", frame.GetAttribute("src"));
        Assert.Equal(answer.GetProperty("width").GetInt32().ToString(Formatting.Culture), frame.GetAttribute("width"));
        Assert.Equal(answer.GetProperty("height").GetInt32().ToString(Formatting.Culture), frame.GetAttribute("height"));
        Assert.False(string.IsNullOrWhiteSpace(frame.GetAttribute("title")), "a frame needs a title for screen readers");
        using var embed = await site.Client.GetAsync(frame.GetAttribute("src"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
    }

    [Fact]
    public async Task ArticleUrl_AnswersTheArticlesCard()
    {
        var answer = await AnswerAsync(Url($"{Site}/series/record-labels"));

        Assert.Equal("Twenty iconic European independent record labels", answer.GetProperty("title").GetString());
        Assert.Contains($"src=\"{Site}/embed/series/record-labels\"", answer.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("https://localhost/labels/ninja-tune")]
    [InlineData("http://LOCALHOST/Labels/Ninja-Tune")]
    [InlineData("http://localhost/labels/ninja-tune/")]
    [InlineData("http://localhost/labels/ninja-tune?utm_source=newsletter#top")]
    public async Task TheSamePageWrittenAnotherWay_AnswersTheSameCard(string pageUrl)
    {
        var answer = await AnswerAsync(Url(pageUrl));

        Assert.Equal("Ninja Tune", answer.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("http://example.org/labels/ninja-tune", HttpStatusCode.NotFound)]
    [InlineData("http://localhost.example.org/labels/ninja-tune", HttpStatusCode.NotFound)]
    [InlineData("http://localhost/labels/no-such-label", HttpStatusCode.NotFound)]
    [InlineData("http://localhost/series/no-such-article", HttpStatusCode.NotFound)]
    [InlineData("http://localhost/countries/denmark", HttpStatusCode.NotFound)]
    [InlineData("http://localhost/labels", HttpStatusCode.NotFound)]
    [InlineData("http://localhost/embed/labels/ninja-tune", HttpStatusCode.NotFound)]
    [InlineData("/labels/ninja-tune", HttpStatusCode.BadRequest)]
    [InlineData("ftp://localhost/labels/ninja-tune", HttpStatusCode.BadRequest)]
    [InlineData("not a url", HttpStatusCode.BadRequest)]
    public async Task UrlThatIsNoEntryOrArticleOfThisSite_IsRefused(string pageUrl, HttpStatusCode expected)
    {
        using var response = await AskAsync(Url(pageUrl));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task WithAConfiguredSiteUrl_OnlyThatHostsPagesAreEmbedded_WhateverHostWasAsked()
    {
        await using var factory = new DiscoveryFactory(settings: new Dictionary<string, string> { ["Discovery:SiteUrl"] = "https://discovery.example.org" });
        using var client = factory.CreateClient();

        using var ours = await client.GetAsync(SitePaths.OEmbedFor("https://discovery.example.org/labels/ninja-tune"), TestContext.Current.CancellationToken);
        using var local = await client.GetAsync(SitePaths.OEmbedFor("http://localhost/labels/ninja-tune"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        var html = JsonDocument.Parse(await ours.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("html").GetString();
        Assert.Contains("src=\"https://discovery.example.org/embed/labels/ninja-tune\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=json")]
    [InlineData("?url=")]
    public async Task MissingUrl_IsABadRequest(string query)
    {
        using var response = await AskAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("xml", HttpStatusCode.NotImplemented)]
    [InlineData("XML", HttpStatusCode.NotImplemented)]
    [InlineData("JSON", HttpStatusCode.OK)]
    [InlineData("yaml", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.OK)]
    public async Task Format_JsonIsServed_XmlIsNotImplemented_AnythingElseIsABadRequest(string format, HttpStatusCode expected)
    {
        using var response = await AskAsync(Url($"{Site}/labels/ninja-tune") + "&format=" + format);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("&maxwidth=0")]
    [InlineData("&maxwidth=wide")]
    [InlineData("&maxheight=-10")]
    [InlineData("&maxwidth=320%00")]
    public async Task MaximumSizeThatIsNoPositiveNumber_IsABadRequest(string size)
    {
        using var response = await AskAsync(Url($"{Site}/labels/ninja-tune") + size);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(300, 400)]
    [InlineData(640, 150)]
    [InlineData(200, 100)]
    public async Task MaximumSize_IsHonouredByTheFrameAndTheThumbnail(int maxWidth, int maxHeight)
    {
        var answer = await AnswerAsync(Url($"{Site}/labels/ninja-tune") + $"&maxwidth={maxWidth}&maxheight={maxHeight}");

        Assert.InRange(answer.GetProperty("width").GetInt32(), 1, maxWidth);
        Assert.InRange(answer.GetProperty("height").GetInt32(), 1, maxHeight);
        // The social card is 1200 × 630: a smaller maximum leaves the thumbnail out rather than break the rule.
        Assert.False(answer.TryGetProperty("thumbnail_url", out _));
        Assert.False(answer.TryGetProperty("thumbnail_width", out _));
    }

    [Theory]
    [InlineData("", 400, 300)]
    [InlineData("&maxheight=2000", 400, 300)]
    [InlineData("&maxwidth=320", 300, 250)]
    [InlineData("&maxwidth=450", 400, 300)]
    [InlineData("&maxwidth=700", 700, 160)]
    [InlineData("&maxwidth=2000&maxheight=2000", 800, 160)]
    public async Task FrameSize_IsTheCardLayoutThatFitsTheColumn(string size, int width, int height)
    {
        var answer = await AnswerAsync(Url($"{Site}/labels/ninja-tune") + size);

        Assert.Equal(width, answer.GetProperty("width").GetInt32());
        Assert.Equal(height, answer.GetProperty("height").GetInt32());
        var frame = (await Html.ParseAsync(answer.GetProperty("html").GetString()!)).QuerySelector("iframe")!;
        Assert.Equal(width.ToString(Formatting.Culture), frame.GetAttribute("width"));
        Assert.Equal(height.ToString(Formatting.Culture), frame.GetAttribute("height"));
    }

    [Fact]
    public async Task LargeMaximumSize_KeepsTheThumbnail()
    {
        var roomy = await AnswerAsync(Url($"{Site}/labels/ninja-tune") + "&maxwidth=2000&maxheight=2000");

        Assert.True(roomy.TryGetProperty("thumbnail_url", out _));
    }

    [Fact]
    public async Task Frame_IsBorderless_AndShrinksWithANarrowerColumn()
    {
        var answer = await AnswerAsync(Url($"{Site}/labels/ninja-tune"));

        var style = (await Html.ParseAsync(answer.GetProperty("html").GetString()!)).QuerySelector("iframe")!.GetAttribute("style");
        Assert.Equal("border:0;max-width:100%", style);
    }

    [Theory]
    [InlineData("?url=not+a+url", HttpStatusCode.BadRequest)]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fninja-tune&maxwidth=wide", HttpStatusCode.BadRequest)]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fninja-tune&format=yaml", HttpStatusCode.BadRequest)]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fno-such-label", HttpStatusCode.NotFound)]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fninja-tune&format=xml", HttpStatusCode.NotImplemented)]
    public async Task Refusals_AreProblemDetailsAScriptCanRead_NotTheHtmlErrorPages(string query, HttpStatusCode expected)
    {
        using var response = await AskAsync(query);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "a refusal says what to change");
    }

    [Theory]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fninja-tune")]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fno-such-label")]
    [InlineData("?url=http%3A%2F%2Flocalhost%2Flabels%2Fninja-tune&format=xml")]
    public async Task AnswersAndRefusals_MayBeReadByAScriptOnAnotherOrigin(string query)
    {
        // Asked twice: the second answer may come from the page cache and must carry the header as well.
        foreach (var _ in new[] { 1, 2 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, SitePaths.OEmbed + query);
            request.Headers.Add("Origin", "https://member-label.example");
            using var response = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
            Assert.Equal("cross-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
            // Read by scripts, like the API, but still never framed.
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Theory]
    [InlineData("/labels/ninja-tune", "Ninja Tune")]
    [InlineData("/series/record-labels", "Twenty iconic European independent record labels")]
    public async Task EntryAndArticlePages_NameTheirOEmbedAnswerInTheHead(string path, string title)
    {
        using var response = await site.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(html);

        var link = Assert.Single(page.Head!.QuerySelectorAll("link[rel=alternate][type='application/json+oembed']"));
        Assert.Equal(title, link.GetAttribute("title"));
        // Consumers such as WordPress look for the type as it is written, not as a browser decodes it.
        Assert.Contains("type=\"application/json+oembed\"", html);
        using var answer = await site.Client.GetAsync(link.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.StartsWith($"{Site}{SitePaths.OEmbed}?url={Uri.EscapeDataString(Site + path)}", link.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/labels")]
    [InlineData("/countries/denmark")]
    public async Task OtherPages_OfferNoOEmbed(string path)
    {
        var page = await site.GetPageAsync(path);

        Assert.Empty(page.QuerySelectorAll("link[type='application/json+oembed']"));
    }
}
