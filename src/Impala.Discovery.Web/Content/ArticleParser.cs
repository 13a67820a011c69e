using System.Globalization;
using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content.Parsing;
using Impala.Discovery.Web.Content.Pictures;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.RepresentationModel;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Turns the text of one monthly article into a <see cref="ParsedArticle"/>, or into every error found in it with as much
/// of the article as could be read.
/// Pure: no file system, no database, so that it is tested on strings.
/// </summary>
public sealed partial class ArticleParser(KindCatalog kinds, TimeProvider? clock = null)
{
    // A year fact may name next year at the latest ("opens in 2027"), by the site's clock.
    private int LatestYear => (clock ?? TimeProvider.System).GetUtcNow().Year + 1;

    /// <summary>
    /// The earliest 'published:' date taken: years before it are typos (0021 for 2021). Not later: a long series reaches
    /// back, and the benchmarks' 500 monthly articles start in the 1980s.
    /// </summary>
    public static readonly DateOnly EarliestPublication = new(1900, 1, 1);

    private static readonly string[] FrontMatterKeys = ["title", "kind", "published", "summary", "draft", "aliases", .. PictureKeys.Keys];

    // Keys whose values are free text, where a ' #' is always part of the text, never a comment meant as one.
    private static readonly string[] TextKeys = ["title", "summary", "image_alt", "image_credit"];

    public ParseResult<ParsedArticle> Parse(string file, string text)
    {
        var errors = new List<ContentError>();
        var result = Parse(file, text, errors);
        return result is not null && errors.Count == 0
            ? ParseResult<ParsedArticle>.Success(result)
            : new ParseResult<ParsedArticle>(result, AtMostTheFirstErrors(errors));
    }

    private ParsedArticle? Parse(string file, string text, List<ContentError> errors)
    {
        var source = SourceText.Normalise(text);
        var slug = SlugFromFileName(file, errors);

        var lines = source.Split('\n');
        var rawControls = BidiControls.Find(file, lines);
        errors.AddRange(rawControls);
        if (!IsFence(lines[0], "---"))
        {
            errors.Add(new(file, 1, 1, "The article has no front matter. Start the file with a line '---', then the lines "
                + "'title:', 'kind:', 'published:' and 'summary:', then another line '---'."));
            return null;
        }

        // Where Markdig will close the front matter (by the same rule), so that the Markdown bounds skip its lines.
        var closing = Array.FindIndex(lines, 1, line => IsFence(line, "---") || IsFence(line, "..."));
        if (closing < 0)
        {
            errors.Add(new(file, 1, 1, "The front matter that starts on line 1 is never closed. Add a line '---' after its last key."));
            return null;
        }

        if (closing == 1)
        {
            // Markdig does not read "---" right after "---" as front matter (unless another fence follows), so say it here.
            errors.Add(new(file, 2, 1, "The front matter is empty. Write the lines 'title:', 'kind:', 'published:' and 'summary:' "
                + "between the two '---' lines."));
            return null;
        }

        var beyondBounds = MarkdownBounds.Check(file, lines, closing + 1);
        if (beyondBounds.Count > 0)
        {
            errors.AddRange(beyondBounds);
            return null;
        }

        var document = ParseMarkdown(file, source, errors);
        if (document is null)
        {
            return null;
        }

        if (document.FirstOrDefault() is not YamlFrontMatterBlock frontMatterBlock)
        {
            errors.Add(new(file, 1, 1, "The front matter that starts on line 1 is never closed. Add a line '---' after its last key."));
            return null;
        }

        // Left from the new command's skeleton: refused, or "Name of the first venue" goes live.
        errors.AddRange(Placeholders.Find(file, lines));

        var frontMatter = ReadFrontMatter(file, frontMatterBlock, slug, errors);
        var kind = frontMatter?.Kind;

        // Link reference definitions render nothing and belong to no entry: their links were resolved while parsing.
        var blocks = document.Skip(1).Where(block => block is not LinkReferenceDefinitionGroup).ToList();
        var links = ReadLinks(file, document, errors);
        var (introHtml, entries) = kind is null ? ("", []) : ReadEntries(file, source, blocks, kind, errors);
        if (rawControls.Count == 0)
        {
            errors.AddRange(ControlsInDecodedText(file, lines, frontMatter, entries));
        }

        errors.AddRange(entries.Select(entry => (entry, Problem: LookalikeNames.Problem(entry.Name)))
            .Where(check => check.Problem is not null)
            .Select(check => new ContentError(file, check.entry.Line, 1, $"The name '{check.entry.Name}' {check.Problem}")));

        // With errors, what could be read is still returned: its links and addresses are checked across files, so an
        // editor sees every mistake of a file in one pass rather than one stage at a time.
        return frontMatter is null || kind is null
            ? null
            : new ParsedArticle(file, slug, frontMatter.Title, kind.Key, frontMatter.Published, frontMatter.Summary, frontMatter.Draft,
                introHtml, entries, links, frontMatter.Aliases, frontMatter.Picture)
            { AliasesLine = frontMatter.AliasesLine };
    }

    /// <summary>
    /// Direction controls the raw lines do not show, written as an HTML entity (<c>&amp;#x202E;</c>) or a YAML escape
    /// (<c>\u202E</c>): found in the text as read, and refused where the value was written.
    /// </summary>
    private static IEnumerable<ContentError> ControlsInDecodedText(string file, string[] lines, FrontMatter? frontMatter, IReadOnlyList<ParsedEntry> entries)
    {
        var values = new List<(int Line, string What, string Value)>();
        if (frontMatter is not null)
        {
            values.Add((KeyLine(lines, "title"), "The title", frontMatter.Title));
            values.Add((KeyLine(lines, "summary"), "The summary", frontMatter.Summary));
        }

        foreach (var entry in entries)
        {
            values.Add((entry.Line, $"The name of the entry on line {entry.Line}", entry.Name));
            values.AddRange(entry.Facts.SelectMany(fact => fact.Values.Select(value => (entry.Line, $"A value of '{fact.Definition.Key}' under '{entry.Name}'", value))));
        }

        foreach (var (line, what, value) in values)
        {
            if (BidiControls.FirstIn(value) is { } control)
            {
                yield return new ContentError(file, line, 1, $"{what} holds an invisible direction control, {BidiControls.Describe(control)}, written as an "
                    + $"HTML entity such as &#x{(int)control:X4}; or an escape such as \\u{(int)control:X4}. {BidiControls.Why} Delete the entity or escape.");
            }
        }
    }

    // The line of a front matter key, for an error about its value; line 1 when it cannot be told.
    private static int KeyLine(string[] lines, string key) =>
        Array.FindIndex(lines, line => line.StartsWith(key + ":", StringComparison.Ordinal)) is var index and >= 0 ? index + 1 : 1;

    // "---" or "..." alone on its line, as Markdig's front matter parser reads a fence.
    private static bool IsFence(string line, string fence) => line.TrimEnd(' ', '\t') == fence;

    private static MarkdownDocument? ParseMarkdown(string file, string source, List<ContentError> errors)
    {
        try
        {
            return MarkdownRenderer.Parse(source);
        }
        catch (ArgumentException exception)
        {
            // Markdig refuses nesting beyond its own depth limit this way; MarkdownBounds should have refused it first.
            errors.Add(new(file, 1, 1, "Something in this file is nested too deeply to read (block quotes, lists or brackets inside "
                + $"one another). Look for long runs of '>', '[' or indented list markers. (Markdown library: {exception.Message})"));
            return null;
        }
    }

    private static List<ContentError> AtMostTheFirstErrors(List<ContentError> errors)
    {
        if (errors.Count <= ParserLimits.MaxErrorsPerFile)
        {
            return errors;
        }

        var firstHidden = errors[ParserLimits.MaxErrorsPerFile];
        var shown = errors.Take(ParserLimits.MaxErrorsPerFile).ToList();
        shown.Add(firstHidden with
        {
            Message = $"{ParserLimits.Number(errors.Count - ParserLimits.MaxErrorsPerFile)} more errors from here on are not shown. "
                + "Fix the ones above and save again.",
        });
        return shown;
    }

    /// <summary>The article address a file of this name lives at: its name without the date.</summary>
    public static string SlugOf(string file) => SlugFromFileName(file, []);

    private static string SlugFromFileName(string file, List<ContentError> errors)
    {
        var fileName = Path.GetFileName(file);
        var match = FileNamePattern().Match(fileName);
        if (match.Success && Slug.TooLong(match.Groups["slug"].Value) is { } tooLong)
        {
            errors.Add(new(file, 1, 1, $"{tooLong} It is this file's name without the date: rename the file shorter."));
        }

        if (match.Success)
        {
            return match.Groups["slug"].Value;
        }

        errors.Add(new(file, 1, 1, $"The file name '{fileName}' does not follow the pattern YYYY-MM-slug.md. "
            + "Rename it to the month of the article and a short name in lower case, such as '2021-04-festivals.md'."));
        return Slug.From(Path.GetFileNameWithoutExtension(fileName));
    }

    private FrontMatter? ReadFrontMatter(string file, YamlFrontMatterBlock block, string? slug, List<ContentError> errors)
    {
        // The block's lines are the ones between the fences, as written; the first is line 2 of the file.
        // An empty front matter ("---" right after "---") has no line array at all.
        var yaml = block.Lines.Count == 0 ? "" : string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(line => line.Slice.ToString()));
        var reader = new YamlDocument(file, firstLine: block.Line + 2);
        var mapping = reader.LoadMapping(yaml, ParserLimits.MaxFrontMatterBytes, "The front matter");
        if (mapping is null)
        {
            errors.AddRange(reader.Errors);
            return null;
        }

        reader.RejectUnknownKeys(mapping, FrontMatterKeys, "the front matter");
        reader.RejectValuesCutByComments(mapping, TextKeys);
        var title = RequiredScalar(reader, mapping, "title", "title: Twenty iconic European music festivals");
        var summary = RequiredScalar(reader, mapping, "summary", "summary: One or two sentences for cards and link previews.");
        var kindName = RequiredScalar(reader, mapping, "kind", "kind: labels");
        var publishedText = RequiredScalar(reader, mapping, "published", "published: 2021-04-01");
        if (title?.Length > ParserLimits.MaxNameLength)
        {
            reader.Error(YamlDocument.Node(mapping, "title")!, $"The title is {ParserLimits.Number(title.Length)} characters long; the site reads "
                + $"titles of at most {ParserLimits.Number(ParserLimits.MaxNameLength)}, since a title is set large on cards and shown in browser tabs "
                + "and link previews. Shorten it; the summary and the intro can say the rest.");
        }

        else if (title is not null && DrawnText.WordError(title, "the title") is { } longWord)
        {
            reader.Error(YamlDocument.Node(mapping, "title")!, longWord);
        }

        if (summary?.Length > ParserLimits.MaxSummaryLength)
        {
            reader.Error(YamlDocument.Node(mapping, "summary")!, $"The summary is {ParserLimits.Number(summary.Length)} characters long; the site "
                + $"reads at most {ParserLimits.Number(ParserLimits.MaxSummaryLength)}, since it is drawn on cards and shown in feeds and link "
                + "previews. Keep it to one or two sentences; the intro can say the rest.");
        }
        else if (summary is not null && DrawnText.WordError(summary, "the summary") is { } longWord)
        {
            reader.Error(YamlDocument.Node(mapping, "summary")!, longWord);
        }

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
        else if (publishedText is not null && published < EarliestPublication)
        {
            // A year such as 0021 (a typo) dated the article before every other: where the history cannot tell, it then
            // kept every address it shared with them (found by replay 8).
            reader.Error(YamlDocument.Node(mapping, "published")!,
                $"'{publishedText}' is before {EarliestPublication.Year}: check the year, written in full (2021, not 0021 or 21).");
        }

        var draft = false;
        if (YamlDocument.Node(mapping, "draft") is { } draftNode
            && !bool.TryParse(YamlDocument.Scalar(mapping, "draft"), out draft))
        {
            reader.Error(draftNode, "'draft' must be true or false.");
        }

        var aliases = ReadAliases(reader, mapping, slug);
        var picture = PictureKeys.Read(reader, mapping, "the article");

        errors.AddRange(reader.Errors);
        return reader.Errors.Count == 0 && title is not null && summary is not null && kind is not null
            ? new FrontMatter(title, kind, published, summary, draft, aliases, picture,
                YamlDocument.Node(mapping, "aliases") is { } aliasesNode ? reader.LineOf(aliasesNode) : 0)
            : null;
    }

    /// <summary>
    /// Former article addresses, after a file was renamed: they redirect, so shared links keep working.
    /// Written as a YAML list ("[a, b]" or "- a" lines) or as one line with commas. Each is another address than the
    /// article's own (<paramref name="ownSlug"/>), once: the same address twice once stuck every later import, when the
    /// article was deleted and its address left the site twice.
    /// </summary>
    private static List<string> ReadAliases(YamlDocument reader, YamlMappingNode mapping, string? ownSlug)
    {
        var written = YamlDocument.Node(mapping, "aliases") switch
        {
            null => new List<(string Alias, YamlNode Node)>(),
            YamlScalarNode scalar => FactValueParser.SplitList(scalar.Value ?? "").Select(alias => (Alias: alias, Node: (YamlNode)scalar)).ToList(),
            YamlSequenceNode sequence => sequence.Children.Select(item => (Alias: (item as YamlScalarNode)?.Value?.Trim() ?? "", Node: item)).ToList(),
            var other => [("", other)],
        };

        var aliases = new List<string>();
        foreach (var (alias, node) in written)
        {
            if (Slug.IsValid(alias))
            {
                var problem = alias == ownSlug ? $"'{alias}' in 'aliases' is this article's own address (its file name without the date), not a former one. Remove it from 'aliases'."
                    : aliases.Contains(alias) ? $"'{alias}' is in 'aliases' twice. Remove one of them."
                    : Slug.TooLong(alias) is { } tooLong ? $"{tooLong} Remove it from 'aliases'."
                    : null;
                if (problem is null)
                {
                    aliases.Add(alias);
                }
                else
                {
                    reader.Error(node, problem);
                }
            }
            else if (alias.Length == 0)
            {
                reader.Error(node, "Write each former address of 'aliases' as a short name, such as 'aliases: [old-name, older-name]'.");
            }
            else
            {
                reader.Error(node, $"'{alias}' is not an article address. Write the former file name without its date and '.md', such as '{Slug.From(alias)}'.");
            }
        }

        return aliases;
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

    private (string IntroHtml, List<ParsedEntry> Entries) ReadEntries(
        string file, string source, List<Block> blocks, KindDefinition kind, List<ContentError> errors)
    {
        StructureCheck.Check(file, source, kind, blocks, errors);

        var headings = blocks.Select((block, index) => (Block: block, Index: index)).Where(pair => IsEntryHeading(pair.Block)).ToList();
        if (headings.Count > ParserLimits.MaxEntriesPerArticle)
        {
            var first = headings[ParserLimits.MaxEntriesPerArticle].Block;
            errors.Add(new(file, EntryReader.LineOf((HeadingBlock)first, source), first.Column + 1,
                $"This article has {ParserLimits.Number(headings.Count)} entries; the site reads at most "
                + $"{ParserLimits.Number(ParserLimits.MaxEntriesPerArticle)} in one article. Split it into several articles."));
            return ("", []);
        }

        var firstHeading = headings.Count == 0 ? blocks.Count : headings[0].Index;
        var introHtml = MarkdownRenderer.ToHtml(blocks.Take(firstHeading));
        if (headings.Count == 0)
        {
            errors.Add(new(file, Math.Max(1, blocks.LastOrDefault()?.Line + 1 ?? 1), 1,
                $"The article has no entries. Start each {kind.Singular.ToLowerInvariant()} with a level-2 heading, such as '## Its name'."));
            return (introHtml, []);
        }

        var entries = new List<ParsedEntry>();
        var seenSlugs = new Dictionary<string, string>();
        var reader = new EntryReader(file, source, kind, errors, LatestYear);
        for (var index = 0; index < headings.Count; index++)
        {
            var (block, start) = headings[index];
            var end = index + 1 < headings.Count ? headings[index + 1].Index : blocks.Count;
            var heading = (HeadingBlock)block;
            var entry = reader.Read(heading, blocks[(start + 1)..end], entries.Count + 1);
            if (entry is null)
            {
                continue;
            }

            foreach (var slug in entry.Aliases.Prepend(entry.Slug))
            {
                if (seenSlugs.TryGetValue(slug, out var other))
                {
                    errors.Add(new(file, EntryReader.LineOf(heading, source), heading.Column + 1,
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

        return (introHtml, entries);
    }

    private static List<ContentLink> ReadLinks(string file, MarkdownDocument document, List<ContentError> errors)
    {
        var links = new List<ContentLink>();
        // Links, images and reference links alike are LinkInlines whose URL Markdig has resolved; an email autolink
        // (<name@example.org>) is a mailto: link.
        var urls = document.Descendants<LinkInline>().Select(link => (Url: link.Url ?? "", Inline: (Inline)link))
            .Concat(document.Descendants<AutolinkInline>().Select(link => (Url: link.IsEmail ? $"mailto:{link.Url}" : link.Url, Inline: (Inline)link)));
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
            else if (inline is LinkInline { IsImage: true } && !isSitePath)
            {
                // Pages do not load from other sites: the security policy would block the picture, and fetching it
                // would tell that site who reads the page.
                errors.Add(new(file, line, column, $"The picture '{url}' is on another site, which pages do not show. Copy it into "
                    + $"content/{PictureRules.Folder}/ and name it in a line '- **Image:** {PictureRules.Folder}/its-name.jpg' under the entry's "
                    + "heading, or link to it instead: write the same without the '!' in front."));
            }
            else if (isSitePath)
            {
                links.Add(new ContentLink(ContentLink.PagePath(url), line, column));
            }
        }

        return links;
    }

    private static bool IsEntryHeading(Block block) => block is HeadingBlock { Level: 2 };

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])-(?<slug>[a-z0-9]+(-[a-z0-9]+)*)\.md$")]
    private static partial Regex FileNamePattern();

    private sealed record FrontMatter(
        string Title, KindDefinition Kind, DateOnly Published, string Summary, bool Draft, IReadOnlyList<string> Aliases, PictureReference? Picture,
        int AliasesLine);
}
