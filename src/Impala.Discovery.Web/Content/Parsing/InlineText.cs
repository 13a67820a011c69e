using System.Text;
using Markdig.Syntax.Inlines;

namespace Impala.Discovery.Web.Content.Parsing;

/// <summary>
/// The text a reader sees in a run of inlines: emphasis and link marks dropped, backslash escapes and entities
/// resolved, code spans' text kept, line breaks as spaces. How entry names and fact values are read from the tree.
/// </summary>
public static class InlineText
{
    /// <summary>The text of <paramref name="first"/> and the inlines after it, with runs of white space made one space.</summary>
    public static string From(Inline? first)
    {
        var builder = new StringBuilder();
        for (var inline = first; inline is not null; inline = inline.NextSibling)
        {
            Append(builder, inline);
        }

        return CollapseWhiteSpace(builder.ToString());
    }

    /// <summary>The text inside a container inline (a heading's, an emphasis's).</summary>
    public static string Of(ContainerInline? container) => From(container?.FirstChild);

    private static void Append(StringBuilder builder, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(builder, child);
                }

                break;
            case HtmlInline html:
                // Raw HTML is off, so this is only reached if that changes; the tag then reads as written.
                builder.Append(html.Tag);
                break;
        }
    }

    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
