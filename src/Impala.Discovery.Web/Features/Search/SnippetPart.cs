using Microsoft.AspNetCore.Html;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// A piece of a search snippet, matched or not. Each piece is written as text (escaped) and matched ones are wrapped
/// in &lt;mark&gt;, so nothing from the index is ever written as HTML.
/// </summary>
public sealed record SnippetPart(string Text, bool Matched)
{
    /// <summary>The pieces as HTML: the text escaped, the marks the only markup.</summary>
    public static IHtmlContent ToHtml(IEnumerable<SnippetPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Matched)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
