using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Impala.Discovery.Tests.Features.Preview;

/// <summary>
/// The editors' preview of a source that is saved nowhere: the site's own article template over what the import's
/// parser made of it, with the checker's problems at their lines. Over the frozen fixture, behind the editors' token.
/// </summary>
public sealed partial class SourcePreviewTests
{
    private const string Token = "a-long-secret-for-the-editors";
    private const string FileName = "2031-01-record-shops.md";

    private const string Article = """
        ---
        title: Record shops we love
        kind: labels
        published: 2031-01-01
        summary: Labels that began behind a shop counter.
        ---

        Read about [Ninja Tune](/labels/ninja-tune) and, further down, [our own pick](/labels/counter-records).

        ## Counter Records

        - **Country:** France
        - **City:** Lyon
        - **Founded:** 1999

        A label that began in a shop.
        """;

    private const string Hostile = """A label that began in a shop. <script>alert("hi")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))""";

    [Fact]
    public async Task PostedSource_RendersWithTheSiteTemplate_ExistingEntriesLinkedAndOwnEntriesAnchored()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var (response, page) = await PostAsync(client, Article);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Record shops we love", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("No problems", page.QuerySelector("#problems-heading")!.TextContent.Split(" in ")[0]);
        var intro = page.QuerySelectorAll(".intro a").Select(link => link.GetAttribute("href")).ToList();
        Assert.Equal(["/labels/ninja-tune", "#counter-records"], intro);
        Assert.Equal("#counter-records", page.QuerySelector("#counter-records-heading a")!.GetAttribute("href"));
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var existing = await client.GetAsync("/labels/ninja-tune", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        using var notSaved = await client.GetAsync("/series/record-shops", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, notSaved.StatusCode);
    }

    [Fact]
    public async Task PostedSource_WithHostileMarkdown_RendersNoScriptAndNoJavascriptLink()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var (_, page) = await PostAsync(client, Article.Replace("A label that began in a shop.", Hostile, StringComparison.Ordinal));

        Assert.Contains(page.QuerySelectorAll(".problem-error"), problem => problem.TextContent.Contains("javascript:alert(1)", StringComparison.Ordinal));
        var prose = page.QuerySelector("#counter-records .prose")!;
        Assert.Empty(prose.QuerySelectorAll("script, img"));
        Assert.Contains("<script>", prose.TextContent, StringComparison.Ordinal);
        Assert.Equal("#", prose.QuerySelectorAll("a").Single(link => link.TextContent == "click").GetAttribute("href"));
    }

    [Fact]
    public async Task PostedSource_WithMistakes_ListsEachAtItsFileLineAndColumnWithTheLine()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var broken = Article.Replace("- **City:** Lyon", "- **Town:** Lyon", StringComparison.Ordinal);

        var (response, page) = await PostAsync(client, broken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = page.QuerySelectorAll(".problem-error").Single(problem => problem.TextContent.Contains("Unknown fact 'Town'", StringComparison.Ordinal));
        Assert.Equal($"articles/{FileName}:13:5", problem.QuerySelector("code")!.TextContent);
        Assert.Equal("13", problem.GetAttribute("data-line"));
        Assert.Contains("- **Town:** Lyon", problem.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        // What could be read is still shown, so the editor sees the rest of the article while fixing it.
        Assert.Equal("Record shops we love", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task PostedSource_ThatTakesAnotherArticlesEntryName_IsTheCrossArticleError()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var (_, page) = await PostAsync(client, Article.Replace("## Counter Records", "## Ninja Tune", StringComparison.Ordinal));

        Assert.Contains(page.QuerySelectorAll(".problem-error"), problem => problem.GetAttribute("data-line") == "10");
    }

    [Fact]
    public async Task PostedSource_WithoutTheToken_IsNotFound_AndTooLargeIsRefused()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var stranger = await client.PostAsync("/preview", new StringContent(Article, Encoding.UTF8, "text/markdown"), TestContext.Current.CancellationToken);
        var (tooLarge, _) = await PostAsync(client, Article + new string('a', 1024 * 1024));
        var (badName, _) = await PostAsync(client, Article, "../kinds.yml");

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public async Task PostedSource_SentAsAFormThatIsNotOne_IsABadRequestNotAFailure(int paragraphs)
    {
        // curl --data-binary @file and many scripts label the bare Markdown as a form. Read as one, it has no field
        // "source", and once its text runs past 2,048 characters without an '=' the form reader throws.
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var source = Article + string.Concat(Enumerable.Repeat("\n\nMore about the shop and its counter.", paragraphs));
        using var request = Request(new StringContent(source, Encoding.UTF8, "application/x-www-form-urlencoded"), FileName);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text/markdown", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostedSource_NotUtf8_IsAnErrorOnTheFileNotAFailure()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var request = Request(new ByteArrayContent([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]), FileName);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("UTF-8", page.QuerySelector(".problem-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedArticleWhoseEditWasRefused_IsPreviewedFromItsSource_WithTheError()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var file = Path.Combine(content, "articles", "2021-03-record-labels.md");
        var edited = File.ReadAllText(file).Replace("- **City:** Athens", "- **Town:** Athens", StringComparison.Ordinal)
            .Replace("## Crunchy Frog", "## Crunchy Frogs", StringComparison.Ordinal);
        File.WriteAllText(file, edited);
        await using var factory = Factory(content);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/preview/record-labels?token={Token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(page.QuerySelectorAll(".problem-error code"), code => code.TextContent.StartsWith("articles/2021-03-record-labels.md:", StringComparison.Ordinal));
        Assert.Contains(page.Texts(".article-entry h2 a"), name => name == "Crunchy Frogs");
    }

    [Fact]
    public async Task DraftPreview_ShowsOnlyPicturesThatLoad_AndLinksItsOwnEntriesInPage()
    {
        var content = TempFolder.CopyOf(FrozenContent.Path);
        var labels = File.ReadAllText(Path.Combine(content, "articles", "2021-03-record-labels.md"));
        var draft = TitleLine().Replace(labels, "title: Draft Labels")
            .Replace("published: 2021-03-01", "published: 2021-05-01\ndraft: true", StringComparison.Ordinal)
            .Replace("## ", "## Draft ", StringComparison.Ordinal)
            .Replace("Here is our tour", "Start with [the first](/labels/draft-cobalt-music). Here is our tour", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(content, "articles", "2021-05-draft-labels.md"), draft);
        await using var factory = Factory(content);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/preview/draft-labels?token={Token}", TestContext.Current.CancellationToken);

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("#draft-cobalt-music", page.QuerySelectorAll(".intro a").Select(link => link.GetAttribute("href")));
        var sources = page.QuerySelectorAll("main img").Select(image => image.GetAttribute("src")!).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            using var picture = await client.GetAsync(source, TestContext.Current.CancellationToken);
            Assert.True(picture.StatusCode == HttpStatusCode.OK, $"{source} answered {(int)picture.StatusCode}");
        }

        foreach (var link in page.QuerySelectorAll("main a").Select(link => link.GetAttribute("href")!).Where(href => href.StartsWith("/labels/draft", StringComparison.Ordinal)))
        {
            Assert.Fail($"{link} links to a page a draft's entry does not have");
        }
    }

    private static DiscoveryFactory Factory(string? content = null) =>
        new(content, settings: new Dictionary<string, string> { ["Discovery:StatusToken"] = Token });

    private static HttpRequestMessage Request(HttpContent body, string fileName)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/preview") { Content = body };
        request.Headers.Add("X-Status-Token", Token);
        request.Headers.Add("X-Preview-File", fileName);
        return request;
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string source, string fileName = FileName)
    {
        using var request = Request(new StringContent(source, Encoding.UTF8, "text/markdown"), fileName);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await Html.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();
}
