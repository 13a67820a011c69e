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

    [Fact]
    public void ToHtml_OrdinaryMarkdown_RendersLinksAndEmphasis()
    {
        var html = MarkdownRenderer.ToHtml("See [Ninja Tune](/labels/ninja-tune), *in London*, and [IMPALA](https://www.impalamusic.org).");

        Assert.Equal("<p>See <a href=\"/labels/ninja-tune\">Ninja Tune</a>, <em>in London</em>, and <a href=\"https://www.impalamusic.org\">IMPALA</a>.</p>\n", html);
    }
}
