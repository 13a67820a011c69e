using System.Net;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Features.Pictures;

namespace Impala.Discovery.Web.Features.Shared;

/// <summary>
/// What every page tells browsers, search engines and link previews about itself. Pages without a
/// canonical path (error pages) are marked noindex instead. <paramref name="Published"/> is the date of the
/// article a page is or belongs to (article:published_time).
/// </summary>
public sealed partial record PageMeta(string Title, string Description, string? CanonicalPath, string OpenGraphType = "website", DateOnly? Published = null)
{
    private const string SiteSuffix = " · Impala Discovery";

    /// <summary>Longest description search engines and link previews show whole.</summary>
    public const int DescriptionLength = 160;

    /// <summary>
    /// The title a link preview shows: the page's own ("Ninja Tune"), without the site's name that og:site_name
    /// already gives, nor the section before it ("· Labels").
    /// </summary>
    public string ShareTitle => Title.EndsWith(SiteSuffix, StringComparison.Ordinal) ? Title.Split(" · ")[0] : Title;

    /// <summary>The editor's picture of the page, if it has one: link previews show it rather than the drawn social card.</summary>
    public PictureView? SharePicture { get; init; }

    /// <summary>The page whose social card stands for this one: the canonical page without its filters, or the home page.</summary>
    public string CardPagePath => CanonicalPath?.Split('?')[0] ?? SitePaths.Home;

    /// <summary>
    /// The first sentence of rendered prose as plain text, cut at a word with an ellipsis when longer than
    /// <see cref="DescriptionLength"/>; null when there is no prose.
    /// </summary>
    public static string? FirstSentence(string html)
    {
        var text = Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var end = SentenceEnd().Matches(text).FirstOrDefault(match => !IsAbbreviation(text, match.Index));
        var stop = end is null ? text.Length : end.Index + 1;
        if (stop < text.Length && text[stop] is '\u201d' or '\u2019' or '"' or '\'' or ')')
        {
            stop++;
        }

        var sentence = text[..stop];
        if (sentence.Length <= DescriptionLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', DescriptionLength - 1);
        return sentence[..(cut > 0 ? cut : DescriptionLength - 1)].TrimEnd(',', ';', ':', ' ', '\u2013', '\u2014') + "\u2026";
    }

    /// <summary>"Mr. Scruff", "c. 2000", "No. 1" and initials ("J. Smith") do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int period)
    {
        var start = text.LastIndexOf(' ', Math.Max(0, period - 1)) + 1;
        var word = text[start..period];
        return word.Length == 1 || word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "No" or "c" or "ca" or "vs" or "e.g" or "i.e" or "Ltd" or "Inc";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A full stop, question or exclamation mark (closing quotes allowed) followed by a space and a capital or digit.</summary>
    [GeneratedRegex(@"[.!?](?=[\u201d\u2019""')]?\s+[\p{Lu}\d\u201c""])")]
    private static partial Regex SentenceEnd();

    /// <summary>The previous and next pages of a paged list, for rel="prev" and rel="next" in the head.</summary>
    public string? PreviousPath { get; init; }

    public string? NextPath { get; init; }

    /// <summary>
    /// A page worth following but not worth listing in search results, such as a kind index under several filters at
    /// once: its links count, its own address is left out (robots "noindex, follow"). Its canonical stays its own.
    /// </summary>
    public bool FollowOnly { get; init; }
}
