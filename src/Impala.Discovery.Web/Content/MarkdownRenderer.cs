using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The one Markdown pipeline of the site. Raw HTML is escaped and every URL it writes (links, images, autolinks,
/// reference links) must pass <see cref="IsSafeUrl"/>, so nothing an editor writes can put script on a page, whether
/// or not the parser's link check ran first.
/// </summary>
public static partial class MarkdownRenderer
{
    // Immutable and thread-safe: built once for the life of the process.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Parses Markdown once: the front matter becomes a <c>YamlFrontMatterBlock</c> that knows its lines, and link
    /// reference definitions anywhere in the text serve links everywhere in it. The caller bounds the text first
    /// (<see cref="Parsing.MarkdownBounds"/>).
    /// </summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Parses and renders a whole text; for text that comes from nowhere else than the parser's tree, render blocks instead.</summary>
    public static string ToHtml(string markdown) => ToHtml(Parse(markdown));

    /// <summary>Renders blocks of a parsed document as HTML.</summary>
    public static string ToHtml(IEnumerable<Block> blocks) => Render(blocks, plainText: false);

    /// <summary>The words of blocks of a parsed document without markup, for search and descriptions.</summary>
    public static string ToPlainText(IEnumerable<Block> blocks) => Render(blocks, plainText: true).Trim();

    /// <summary>Site paths, fragments, and absolute http(s) or mailto URLs; never javascript:, data: and the like.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        if (trimmed.StartsWith('#'))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static string Render(IEnumerable<Block> blocks, bool plainText)
    {
        using var writer = new StringWriter();

        // Plain text is what Markdig's own Markdown.ToPlainText does: the HTML renderer with the tags left out.
        var renderer = new HtmlRenderer(writer)
        {
            EnableHtmlForBlock = !plainText,
            EnableHtmlForInline = !plainText,
            EnableHtmlEscape = !plainText,
            LinkRewriter = SafeUrlOrNothing,
        };
        Pipeline.Setup(renderer);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        writer.Flush();
        return writer.ToString();
    }

    // Every URL the HTML renderer writes goes through here. An email autolink (<name@example.org>) arrives without
    // its "mailto:", which the renderer writes in front of it.
    private static string SafeUrlOrNothing(string url) => IsSafeUrl(url) || EmailAddress().IsMatch(url) ? url : "#";

    [GeneratedRegex(@"^[^\s:/@<>""]+@[^\s:/@<>""]+$")]
    private static partial Regex EmailAddress();
}
