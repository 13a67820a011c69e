namespace Impala.Discovery.Tests.Features.Indexes;

/// <summary>A snippet is text: markup written in an entry's prose comes back as visible characters, never as elements.</summary>
public sealed class SearchSnippetEscapingTests(LargeKindSite site) : IClassFixture<LargeKindSite>
{
    [Fact]
    public async Task Snippet_OfProseWithMarkup_ShowsTheMarkupAsText_AndOnlyMarksAreElements()
    {
        var page = await site.GetPageAsync("/search?q=" + LargeKindSite.MarkupWord);

        var snippet = page.QuerySelector(".snippet")!;
        Assert.Equal(["MARK"], snippet.QuerySelectorAll("*").Select(element => element.TagName).ToList());
        Assert.Equal(LargeKindSite.MarkupWord, snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains($"<b>{LargeKindSite.MarkupWord}</b> & <script>alert(1)</script>", snippet.TextContent);
    }
}
