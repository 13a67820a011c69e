using System.Text.RegularExpressions;
using Impala.Discovery.Web.Data;
using Microsoft.AspNetCore.Html;

namespace Impala.Discovery.Web.Features.Search;

/// <summary>
/// A piece of a search snippet, matched or not. Each piece is written as text (escaped) and matched ones are wrapped
/// in &lt;mark&gt;, so nothing from the index is ever written as HTML.
/// </summary>
public sealed partial record SnippetPart(string Text, bool Matched)
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

    /// <summary>Splits a snippet at the index's match marks; a stray mark only switches the highlighting, never breaks the page.</summary>
    public static IReadOnlyList<SnippetPart> Parse(string marked)
    {
        var parts = new List<SnippetPart>();
        var start = 0;
        var matched = false;
        for (var index = 0; index <= marked.Length; index++)
        {
            var atEnd = index == marked.Length;
            if (!atEnd && marked[index] is not (SearchIndex.MatchStart or SearchIndex.MatchEnd))
            {
                continue;
            }

            if (index > start)
            {
                // Paragraph breaks of the prose read as spaces in a one-paragraph snippet.
                parts.Add(new SnippetPart(Spaces().Replace(marked[start..index], " "), matched));
            }

            if (!atEnd)
            {
                matched = marked[index] == SearchIndex.MatchStart;
            }

            start = index + 1;
        }

        return parts;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
