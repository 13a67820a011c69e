using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Impala.Discovery.Web.Content;

/// <summary>Reads one entry of an article: its heading, its facts list and its prose.</summary>
internal sealed partial class EntryReader(string file, string body, KindDefinition kind, List<ContentError> errors)
{
    private string KindName => kind.Singular.ToLowerInvariant();

    public ParsedEntry? Read(HeadingBlock heading, IReadOnlyList<Block> blocks, int rank)
    {
        var errorsBefore = errors.Count;
        var line = heading.Line + 1;
        var name = HeadingText(heading);
        if (name.Length == 0)
        {
            errors.Add(new(file, line, heading.Column + 1, "This '##' heading has no text. Write the entry's name after '## '."));
            return null;
        }

        var factsList = blocks.Count > 0 && blocks[0] is ListBlock list && list.Count > 0 && IsFactLine(list[0]) ? list : null;
        var written = factsList is null ? [] : ReadFactLines(name, factsList);
        var facts = new List<ParsedFact>();
        string? slug = null;
        IReadOnlyList<string> aliases = [];
        foreach (var (key, value, factLine, column) in written)
        {
            if (key.Equals("Slug", StringComparison.OrdinalIgnoreCase))
            {
                slug = ReadSlug(value.Trim(), factLine, column);
            }
            else if (key.Equals("Aliases", StringComparison.OrdinalIgnoreCase))
            {
                aliases = FactValueParser.SplitList(value).Where(alias => ReadSlug(alias, factLine, column) is not null).ToList();
            }
            else if (kind.FindFact(key) is { } definition)
            {
                var (values, error) = FactValueParser.Parse(definition, value);
                if (error is not null)
                {
                    errors.Add(new(file, factLine, column, error));
                }
                else
                {
                    facts.Add(new ParsedFact(definition, values));
                }
            }
            else
            {
                var known = kind.Facts.Select(fact => fact.Key).Concat(KindCatalogParser.CommonFactKeys).ToList();
                errors.Add(new(file, factLine, column - key.Length - 4,
                    $"Unknown fact '{key}' for a {KindName}. {Suggestions.DidYouMean(key, known)}"
                    + $"The facts of {kind.Key} are: {string.Join(", ", known)} (declared in content/kinds.yml)."));
            }
        }

        foreach (var missing in kind.Facts.Where(fact => fact.Required && !written.Any(w => w.Key.Equals(fact.Key, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(new(file, line, heading.Column + 1,
                $"'{name}' has no '{missing.Key}', which every {KindName} needs. Add a line '- **{missing.Key}:** ...' "
                + (factsList is null ? "in a list right under the heading." : "to the list under its heading.")));
        }

        slug ??= Slug.From(name);
        if (slug.Length == 0)
        {
            errors.Add(new(file, line, heading.Column + 1, $"'{name}' has no letters or digits to make its web address from. Add a line '- **Slug:** its-name' under the heading."));
        }

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var proseBlocks = factsList is null ? blocks : blocks.Skip(1).ToList();
        var prose = ArticleParser.Slice(body, proseBlocks);
        var orderedFacts = facts.OrderBy(fact => IndexOf(fact.Definition)).ToList();
        var linkedPaths = proseBlocks.SelectMany(LinksIn)
            .Select(link => link.Url ?? "")
            .Where(ContentLink.IsSitePath)
            .Select(ContentLink.PagePath)
            .Distinct()
            .ToList();
        return new ParsedEntry(name, slug, rank, line, aliases, orderedFacts, MarkdownRenderer.ToHtml(prose), MarkdownRenderer.ToPlainText(prose), linkedPaths);
    }

    private static IEnumerable<LinkInline> LinksIn(Block block) => block switch
    {
        LeafBlock leaf => leaf.Inline?.Descendants<LinkInline>() ?? [],
        ContainerBlock container => container.SelectMany(LinksIn),
        _ => [],
    };

    private int IndexOf(FactDefinition definition) =>
        kind.Facts.Select((fact, index) => (fact, index)).First(pair => pair.fact == definition).index;

    private string HeadingText(HeadingBlock heading)
    {
        var raw = body[heading.Span.Start..(heading.Span.End + 1)].Trim().TrimStart('#').TrimEnd('#').Trim();
        return BackslashEscape().Replace(raw, "$1");
    }

    private List<(string Key, string Value, int Line, int Column)> ReadFactLines(string name, ListBlock list)
    {
        var lines = new List<(string, string, int, int)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            var match = FactLine().Match(SourceOf(item));
            if (!match.Success)
            {
                errors.Add(new(file, item.Line + 1, item.Column + 1,
                    $"This line of the facts list of '{name}' is not written as '- **Key:** value'. Put the key in bold with its colon inside, or move the line into the prose below the list."));
                continue;
            }

            var key = match.Groups["key"].Value.Trim();
            var column = item.Column + 1 + match.Groups["value"].Index;
            if (!seen.Add(key))
            {
                errors.Add(new(file, item.Line + 1, item.Column + 1, $"'{key}' is given twice for '{name}'. Keep one line; separate several values with commas."));
                continue;
            }

            lines.Add((key, match.Groups["value"].Value.Trim(), item.Line + 1, column));
        }

        return lines;
    }

    private string? ReadSlug(string value, int line, int column)
    {
        if (Slug.IsValid(value))
        {
            return value;
        }

        errors.Add(new(file, line, column, $"'{value}' is not a web address segment. Write lower-case letters, digits and hyphens, such as '{Slug.From(value)}'."));
        return null;
    }

    private bool IsFactLine(Block item) => FactLine().IsMatch(SourceOf(item));

    // A list item may wrap onto following lines; its source is read as one line.
    private string SourceOf(Block item) =>
        WhiteSpace().Replace(body[item.Span.Start..(item.Span.End + 1)], " ").Trim();

    [GeneratedRegex(@"^[-*+]\s+\*\*(?<key>[^*:]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(?<value>.*)$")]
    private static partial Regex FactLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex BackslashEscape();
}
