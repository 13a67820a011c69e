using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Turns the text of one monthly article into a <see cref="ParsedArticle"/>, or into every error found in it.
/// Pure: no file system, no database, so that it is tested on strings.
/// </summary>
public sealed partial class ArticleParser(KindCatalog kinds)
{
    private static readonly string[] FrontMatterKeys = ["title", "kind", "published", "summary", "draft", "aliases"];

    public ParseResult<ParsedArticle> Parse(string file, string text)
    {
        var errors = new List<ContentError>();
        var source = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var slug = SlugFromFileName(file, errors);

        var lines = source.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            errors.Add(new(file, 1, 1, "The article has no front matter. Start the file with a line '---', then the lines "
                + "'title:', 'kind:', 'published:' and 'summary:', then another line '---'."));
            return ParseResult<ParsedArticle>.Failure(errors);
        }

        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd() == "---");
        if (closing < 0)
        {
            errors.Add(new(file, 1, 1, "The front matter that starts on line 1 is never closed. Add a line '---' after its last key."));
            return ParseResult<ParsedArticle>.Failure(errors);
        }

        var frontMatter = ReadFrontMatter(file, string.Join('\n', lines[1..closing]), errors);

        // Blank lines stand in for the front matter, so that Markdig's line numbers are the file's.
        var body = new string('\n', closing + 1) + string.Join('\n', lines[(closing + 1)..]);
        var kind = frontMatter?.Kind;
        var document = MarkdownRenderer.Parse(body);
        var links = ReadLinks(file, document, errors);
        var (introHtml, entries) = kind is null ? ("", []) : ReadEntries(file, body, document, kind, errors);

        if (errors.Count > 0 || frontMatter is null || kind is null)
        {
            return ParseResult<ParsedArticle>.Failure(errors);
        }

        return ParseResult<ParsedArticle>.Success(new ParsedArticle(
            file, slug, frontMatter.Title, kind.Key, frontMatter.Published, frontMatter.Summary, frontMatter.Draft,
            introHtml, entries, links, frontMatter.Aliases));
    }

    private static string SlugFromFileName(string file, List<ContentError> errors)
    {
        var fileName = Path.GetFileName(file);
        var match = FileNamePattern().Match(fileName);
        if (match.Success)
        {
            return match.Groups["slug"].Value;
        }

        errors.Add(new(file, 1, 1, $"The file name '{fileName}' does not follow the pattern YYYY-MM-slug.md. "
            + "Rename it to the month of the article and a short name in lower case, such as '2021-04-festivals.md'."));
        return Slug.From(Path.GetFileNameWithoutExtension(fileName));
    }

    private FrontMatter? ReadFrontMatter(string file, string yaml, List<ContentError> errors)
    {
        var reader = new YamlDocument(file, firstLine: 2);
        var mapping = reader.LoadMapping(yaml);
        if (mapping is null)
        {
            errors.AddRange(reader.Errors);
            return null;
        }

        reader.RejectUnknownKeys(mapping, FrontMatterKeys, "the front matter");
        var title = RequiredScalar(reader, mapping, "title", "title: Twenty iconic European music festivals");
        var summary = RequiredScalar(reader, mapping, "summary", "summary: One or two sentences for cards and link previews.");
        var kindName = RequiredScalar(reader, mapping, "kind", "kind: labels");
        var publishedText = RequiredScalar(reader, mapping, "published", "published: 2021-04-01");

        var kind = kindName is null ? null : kinds.Find(kindName);
        if (kindName is not null && kind is null)
        {
            var known = kinds.Kinds.Select(k => k.Key).ToList();
            reader.Error(YamlDocument.Node(mapping, "kind")!, $"Unknown kind '{kindName}'. {Suggestions.DidYouMean(kindName, known)}"
                + $"Known kinds: {string.Join(", ", known)}. A new kind is declared in content/kinds.yml first.");
        }

        var published = default(DateOnly);
        if (publishedText is not null
            && !DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out published))
        {
            reader.Error(YamlDocument.Node(mapping, "published")!,
                $"'{publishedText}' is not a date for 'published'. Write it as year-month-day, such as 2021-04-01.");
        }

        var draft = false;
        if (YamlDocument.Node(mapping, "draft") is { } draftNode
            && !bool.TryParse(YamlDocument.Scalar(mapping, "draft"), out draft))
        {
            reader.Error(draftNode, "'draft' must be true or false.");
        }

        // Former article addresses, after a file was renamed: they redirect, so shared links keep working.
        var aliases = FactValueParser.SplitList(YamlDocument.Scalar(mapping, "aliases") ?? "");
        foreach (var alias in aliases.Where(alias => !Slug.IsValid(alias)))
        {
            reader.Error(YamlDocument.Node(mapping, "aliases")!,
                $"'{alias}' is not an article address. Write the former file name without its date and '.md', such as '{Slug.From(alias)}'.");
        }

        errors.AddRange(reader.Errors);
        return reader.Errors.Count == 0 && title is not null && summary is not null && kind is not null
            ? new FrontMatter(title, kind, published, summary, draft, aliases)
            : null;
    }

    private static string? RequiredScalar(YamlDocument reader, YamlMappingNode mapping, string key, string example)
    {
        var node = YamlDocument.Node(mapping, key);
        var value = YamlDocument.Scalar(mapping, key)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            reader.Errors.Add(new(reader.FileName, node is null ? 1 : reader.LineOf(node), node is null ? 1 : reader.ColumnOf(node),
                $"The front matter has no '{key}'. Add a line such as '{example}'."));
            return null;
        }

        return value;
    }

    private static (string IntroHtml, List<ParsedEntry> Entries) ReadEntries(
        string file, string body, MarkdownDocument document, KindDefinition kind, List<ContentError> errors)
    {
        foreach (var heading in document.OfType<HeadingBlock>().Where(heading => heading.Level == 1))
        {
            errors.Add(new(file, heading.Line + 1, heading.Column + 1,
                "Level-1 headings ('# ...') are not used in articles: the title comes from the front matter. "
                + "Start entries with '## ' and use '### ' inside an entry."));
        }

        var blocks = document.ToList();
        var firstHeading = blocks.FindIndex(IsEntryHeading);
        var introBlocks = firstHeading < 0 ? blocks : blocks[..firstHeading];
        var introHtml = MarkdownRenderer.ToHtml(Slice(body, introBlocks));
        if (firstHeading < 0)
        {
            errors.Add(new(file, Math.Max(1, blocks.LastOrDefault()?.Line + 1 ?? 1), 1,
                $"The article has no entries. Start each {kind.Singular.ToLowerInvariant()} with a level-2 heading, such as '## Its name'."));
            return (introHtml, []);
        }

        var entries = new List<ParsedEntry>();
        var seenSlugs = new Dictionary<string, string>();
        var start = firstHeading;
        while (start < blocks.Count)
        {
            var end = blocks.FindIndex(start + 1, IsEntryHeading);
            end = end < 0 ? blocks.Count : end;
            var heading = (HeadingBlock)blocks[start];
            var entry = new EntryReader(file, body, kind, errors).Read(heading, blocks[(start + 1)..end], entries.Count + 1);
            if (entry is not null)
            {
                foreach (var slug in entry.Aliases.Prepend(entry.Slug))
                {
                    if (seenSlugs.TryGetValue(slug, out var other))
                    {
                        errors.Add(new(file, heading.Line + 1, heading.Column + 1,
                            $"'{entry.Name}' would live at /{kind.Key}/{slug}, like '{other}' above it. "
                            + "Give one of them another name or a '- **Slug:** ...' line."));
                    }
                    else
                    {
                        seenSlugs[slug] = entry.Name;
                    }
                }

                entries.Add(entry);
            }

            start = end;
        }

        return (introHtml, entries);
    }

    private static List<ContentLink> ReadLinks(string file, MarkdownDocument document, List<ContentError> errors)
    {
        var links = new List<ContentLink>();
        var urls = document.Descendants<LinkInline>().Select(link => (Url: link.Url ?? "", Inline: (Inline)link))
            .Concat(document.Descendants<AutolinkInline>().Select(link => (Url: link.Url, Inline: (Inline)link)));
        foreach (var (url, inline) in urls)
        {
            var line = inline.Line + 1;
            var column = inline.Column + 1;
            var isSitePath = ContentLink.IsSitePath(url);
            if (!isSitePath && !url.StartsWith('#') && !url.Contains(':', StringComparison.Ordinal))
            {
                errors.Add(new(file, line, column, $"The link '{url}' is relative. Write links to this site as paths that start with '/', such as /labels/ninja-tune."));
            }
            else if (!MarkdownRenderer.IsSafeUrl(url))
            {
                errors.Add(new(file, line, column, $"The link '{url}' is not allowed. Link to https:// addresses, mailto: addresses or paths of this site."));
            }
            else if (isSitePath)
            {
                links.Add(new ContentLink(ContentLink.PagePath(url), line, column));
            }
        }

        return links;
    }

    private static bool IsEntryHeading(Block block) => block is HeadingBlock { Level: 2 };

    /// <summary>The Markdown source of consecutive blocks, to render them on their own.</summary>
    internal static string Slice(string body, IReadOnlyList<Block> blocks) =>
        blocks.Count == 0 ? "" : body[blocks[0].Span.Start..(blocks[^1].Span.End + 1)];

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(?<slug>[a-z0-9]+(-[a-z0-9]+)*)\.md$")]
    private static partial Regex FileNamePattern();

    private sealed record FrontMatter(string Title, KindDefinition Kind, DateOnly Published, string Summary, bool Draft, IReadOnlyList<string> Aliases);
}
