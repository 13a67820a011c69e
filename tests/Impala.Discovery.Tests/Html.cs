using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Impala.Discovery.Tests;

/// <summary>Pages are read as HTML documents, so assertions name elements instead of searching strings.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    public static IReadOnlyList<string> Texts(this IHtmlDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(element => element.TextContent.Trim()).ToList();
}
