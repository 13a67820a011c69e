using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>
/// Pictures from other sites are refused at the check (issue 21: an off-site picture in prose was emitted and only
/// the browser's security policy stopped it), and raw HTML pictures cannot pass the Markdown pipeline at all.
/// </summary>
public sealed class ProseImagesTests
{
    private readonly ArticleParser _parser = new(FrozenContent.Kinds);

    // In ArticleText.With(...) text appended after NinjaTune starts on line 19.
    private ParseResult<ParsedArticle> ParseWithProse(string prose) =>
        _parser.Parse(ArticleText.FileName, ArticleText.With(ArticleText.NinjaTune + "\n\n" + prose));

    [Theory]
    [InlineData("![The logo](https://elsewhere.example/logo.png)", 1)]
    [InlineData("Their logo: ![logo](http://elsewhere.example/logo.png)", 13)]
    [InlineData("See ![logo][l].\n\n[l]: https://elsewhere.example/logo.png", 5)]
    public void Parse_PictureFromAnotherSite_IsRefusedAtItWithTheFix(string prose, int column)
    {
        var result = ParseWithProse(prose);

        var error = Assert.Single(result.Errors);
        Assert.Equal((19, column), (error.Line, error.Column));
        Assert.Contains("is on another site, which pages do not show. Copy it into content/images/", error.Message);
        Assert.Contains("- **Image:** images/its-name.jpg", error.Message);
    }

    [Fact]
    public void Parse_PictureFromAnotherSiteInTheIntro_IsRefusedToo()
    {
        var text = ArticleText.With(ArticleText.NinjaTune).Replace("An intro paragraph.", "An intro ![x](https://elsewhere.example/x.png).", StringComparison.Ordinal);

        var error = Assert.Single(_parser.Parse(ArticleText.FileName, text).Errors);

        Assert.Equal((8, 10), (error.Line, error.Column));
        Assert.StartsWith("The picture 'https://elsewhere.example/x.png' is on another site", error.Message);
    }

    [Fact]
    public void Parse_LinkToAnotherSitesPicture_IsRead()
    {
        var result = ParseWithProse("[Their logo](https://elsewhere.example/logo.png)");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains("<a href=\"https://elsewhere.example/logo.png\">Their logo</a>", result.Value!.Entries[0].BodyHtml);
    }

    [Fact]
    public void Parse_RawHtmlPicture_IsShownAsTextNeverAsAPicture()
    {
        var result = ParseWithProse("<img src=\"https://elsewhere.example/logo.png\" onerror=\"alert(1)\">\n\nText <img src=https://elsewhere.example/a.png> inline.");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var html = result.Value!.Entries[0].BodyHtml;
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=&quot;https://elsewhere.example/logo.png&quot;", html);
    }
}
