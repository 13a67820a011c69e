using AngleSharp.Dom;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Content;

/// <summary>Whatever an editor writes, the one pipeline never emits script.</summary>
public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x]: javascript:alert(1)\n\n[link][x]")]
    [InlineData("Text {onclick=alert(1)}")]
    public void ToHtml_HostileMarkdown_EmitsNoScript(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=\"", html, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> HostileMarkdown =>
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "[evil]\n\n[evil]: data:text/html,<script>alert(1)</script>",
        "![x](javascript:alert(1))",
        "![x][pic]\n\n[pic]: javascript:alert(1)",
        "[![x](javascript:alert(1))](javascript:alert(2))",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,x>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">x</a>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "Text <span style=\"x\" onclick=alert(1)>x</span>",
        "| a |\n| - |\n| [x](javascript:alert(1)) |",
        "> - [x](javascript:alert(1))",
    ];

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public async Task ToHtml_HostileMarkdownRenderedDirectly_HasOnlySafeUrlsAndNoScriptOrHandlers(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);

        var document = await Html.ParseAsync(html);
        var elements = document.Body!.Descendants<IElement>().ToList();
        Assert.DoesNotContain(elements, element => element.LocalName is "script" or "iframe" or "div" or "span" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(element => element.Attributes), attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        var urls = elements.SelectMany(element => element.Attributes).Where(attribute => attribute.Name is "href" or "src").Select(attribute => attribute.Value);
        Assert.All(urls, url => Assert.True(url == "#" || MarkdownRenderer.IsSafeUrl(url), $"'{url}' was written"));
    }

    [Fact]
    public void ToHtml_ReferenceAndAutolinks_KeepTheirSafeUrls()
    {
        var html = MarkdownRenderer.ToHtml("[Loppen][l], <https://loppen.dk> and <info@example.org>\n\n[l]: /venues/loppen");

        Assert.Equal("<p><a href=\"/venues/loppen\">Loppen</a>, <a href=\"https://loppen.dk\">https://loppen.dk</a> and "
            + "<a href=\"mailto:info@example.org\">info@example.org</a></p>\n", html);
    }

    [Fact]
    public void ToHtml_OrdinaryMarkdown_RendersLinksAndEmphasis()
    {
        var html = MarkdownRenderer.ToHtml("See [Ninja Tune](/labels/ninja-tune), *in London*, and [IMPALA](https://www.impalamusic.org).");

        Assert.Equal("<p>See <a href=\"/labels/ninja-tune\">Ninja Tune</a>, <em>in London</em>, and <a href=\"https://www.impalamusic.org\">IMPALA</a>.</p>\n", html);
    }
}
