using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The one Markdown pipeline of the site. Raw HTML is off and links may only use safe schemes,
/// so nothing an editor writes can put script on a page.
/// </summary>
public static class MarkdownRenderer
{
    // Immutable and thread-safe: built once for the life of the process.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string ToHtml(string markdown)
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<LinkInline>().Where(link => !IsSafeUrl(link.Url)))
        {
            // The parser reports these as errors; this is the second line of defence for text that skipped it.
            link.Url = "#";
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

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
}
