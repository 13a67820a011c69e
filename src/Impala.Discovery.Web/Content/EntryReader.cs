using Impala.Discovery.Web.Content.Parsing;
using Impala.Discovery.Web.Content.Pictures;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// Reads one entry of an article from the parsed tree: its name from the heading's inlines, its facts from the list
/// under the heading, its prose rendered from the blocks after that list.
/// </summary>
internal sealed class EntryReader(string file, string source, KindDefinition kind, List<ContentError> errors, int latestYear)
{
    private string KindName => kind.Singular.ToLowerInvariant();

    public ParsedEntry? Read(HeadingBlock heading, IReadOnlyList<Block> blocks, int rank)
    {
        var errorsBefore = errors.Count;
        var line = LineOf(heading, source);
        var name = InlineText.Of(heading.Inline);
        if (name.Length == 0)
        {
            errors.Add(new(file, line, heading.Column + 1, "This '##' heading has no text. Write the entry's name after '## '."));
            return null;
        }

        if (name.Length > ParserLimits.MaxNameLength)
        {
            errors.Add(new(file, line, heading.Column + 1,
                $"This name is {ParserLimits.Number(name.Length)} characters long; the site reads names of at most "
                + $"{ParserLimits.Number(ParserLimits.MaxNameLength)}, since a name is set large on cards, badges and page titles. "
                + "Shorten it and say the rest in the prose below the facts list."));
        }
        else if (DrawnText.WordError(name, "the name") is { } longWord)
        {
            errors.Add(new(file, line, heading.Column + 1, longWord));
        }

        var factsList = FactsListOf(blocks);
        var written = factsList is null ? [] : ReadFactLines(name, factsList);
        var facts = new List<ParsedFact>();
        string? slug = null;
        IReadOnlyList<string> aliases = [];
        var (slugLine, aliasesLine) = (0, 0);
        var pictureFacts = new Dictionary<string, FactLine>(StringComparer.OrdinalIgnoreCase);
        foreach (var fact in written)
        {
            if (PictureFactKeys.Contains(fact.Key, StringComparer.OrdinalIgnoreCase))
            {
                pictureFacts[fact.Key] = fact;
            }
            else if (fact.Key.Equals("Slug", StringComparison.OrdinalIgnoreCase))
            {
                slug = ReadSlug(fact.Value, fact.ValueLine, fact.ValueColumn);
                slugLine = fact.ValueLine;
            }
            else if (fact.Key.Equals("Aliases", StringComparison.OrdinalIgnoreCase))
            {
                aliases = FactValueParser.SplitList(fact.Value).Where(alias => ReadSlug(alias, fact.ValueLine, fact.ValueColumn) is not null).ToList();
                aliasesLine = fact.ValueLine;
            }
            else if (kind.FindFact(fact.Key) is { } definition)
            {
                var (values, error) = LengthError(definition, fact.Value) is { } tooLong
                    ? ([], tooLong)
                    : FactValueParser.Parse(definition, fact.Value, latestYear);
                if (error is not null)
                {
                    errors.Add(new(file, fact.ValueLine, fact.ValueColumn, error));
                }
                else
                {
                    facts.Add(new ParsedFact(definition, values));
                }
            }
            else
            {
                var known = kind.Facts.Select(definition => definition.Key).Concat(KindCatalogParser.CommonFactKeys).ToList();
                errors.Add(new(file, fact.KeyLine, fact.KeyColumn,
                    $"Unknown fact '{fact.Key}' for a {KindName}. {Suggestions.DidYouMean(fact.Key, known)}"
                    + $"The facts of {kind.Key} are: {string.Join(", ", known)} (declared in content/kinds.yml)."));
            }
        }

        foreach (var missing in kind.Facts.Where(fact => fact.Required && !written.Any(w => w.Key.Equals(fact.Key, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add(new(file, line, heading.Column + 1,
                $"'{name}' has no '{missing.Key}', which every {KindName} needs. Add a line '- **{missing.Key}:** ...' "
                + (factsList is null ? "in a list right under the heading." : "to the list under its heading.")));
        }

        var picture = ReadPicture(name, pictureFacts);
        slug ??= Slug.From(name);
        if (slug.Length == 0)
        {
            errors.Add(new(file, line, heading.Column + 1, $"'{name}' has no letters or digits to make its web address from. Add a line '- **Slug:** its-name' under the heading."));
        }
        else if (Slug.TooLong(slug) is { } tooLong)
        {
            errors.Add(new(file, line, heading.Column + 1, $"{tooLong} '{name}' makes it: add a line '- **Slug:** a-shorter-name' under the heading."));
        }

        if (errors.Count > errorsBefore)
        {
            return null;
        }

        var proseBlocks = factsList is null ? blocks : blocks.Skip(1).ToList();
        var orderedFacts = facts.OrderBy(fact => IndexOf(fact.Definition)).ToList();
        var linkedPaths = proseBlocks.SelectMany(LinksIn)
            .Select(link => link.Url ?? "")
            .Where(ContentLink.IsSitePath)
            .Select(ContentLink.PagePath)
            .Distinct()
            .ToList();
        return new ParsedEntry(name, slug, rank, line, aliases, orderedFacts,
            MarkdownRenderer.ToHtml(proseBlocks), MarkdownRenderer.ToPlainText(proseBlocks), linkedPaths, picture)
        {
            SlugLine = slugLine,
            AliasesLine = aliasesLine,
        };
    }

    /// <summary>
    /// A value longer than the site draws or reads (see <see cref="ParserLimits"/>): the whole value, or one name of a
    /// list of names, each of which may get a page and a card of its own. Null when the value is within bounds.
    /// </summary>
    private static string? LengthError(FactDefinition definition, string value)
    {
        if (value.Length > ParserLimits.MaxFactValueLength)
        {
            return $"This value of '{definition.Key}' is {ParserLimits.Number(value.Length)} characters long; the site reads at most "
                + $"{ParserLimits.Number(ParserLimits.MaxFactValueLength)} in one fact. Shorten it, or say the rest in the prose below the list.";
        }

        if (definition.Type is not (FactType.Text or FactType.List or FactType.Artists))
        {
            // Checked against their type, and no word of them is drawn long: years, numbers, countries, addresses.
            return null;
        }

        var tooLong = definition.Type is FactType.List or FactType.Artists
            ? FactValueParser.SplitList(value).FirstOrDefault(item => item.Length > ParserLimits.MaxNameLength)
            : null;
        return tooLong is null
            ? DrawnText.WordError(value, $"'{definition.Key}'")
            : $"One item of '{definition.Key}' is {ParserLimits.Number(tooLong.Length)} characters long (it starts '{tooLong[..30]}…'); "
                + $"each name in a list may have at most {ParserLimits.Number(ParserLimits.MaxNameLength)}, since it may get a page and a card "
                + "of its own. Check for a missing comma between two names, or say the rest in the prose below the list.";
    }

    /// <summary>The facts that give an entry a picture; every kind has them, like Slug and Aliases.</summary>
    public static readonly IReadOnlyList<string> PictureFactKeys = ["Image", "Image alt", "Image credit"];

    /// <summary>
    /// The entry's picture from its 'Image', 'Image alt' and 'Image credit' facts. The file itself is checked at import;
    /// here only how it is named, and that the words that stand in for it are there.
    /// </summary>
    private PictureReference? ReadPicture(string name, Dictionary<string, FactLine> facts)
    {
        facts.TryGetValue("Image", out var image);
        facts.TryGetValue("Image alt", out var alt);
        facts.TryGetValue("Image credit", out var credit);
        if (image is null)
        {
            foreach (var orphan in new[] { alt, credit }.OfType<FactLine>())
            {
                errors.Add(new(file, orphan.KeyLine, orphan.KeyColumn,
                    $"'{orphan.Key}' belongs to a picture, but '{name}' has none. Add '- **Image:** {PictureRules.Folder}/{Slug.From(name)}.jpg' or remove this line."));
            }

            return null;
        }

        if (PictureRules.NameError(image.Value) is { } nameError)
        {
            errors.Add(new(file, image.ValueLine, image.ValueColumn, nameError));
            return null;
        }

        if (alt is null)
        {
            errors.Add(new(file, image.KeyLine, image.KeyColumn,
                $"The picture of '{name}' has no description. Add a line '- **Image alt:** …' saying what it shows, for people who cannot see it."));
            return null;
        }

        if (PictureRules.AltError(alt.Value) is { } altError)
        {
            errors.Add(new(file, alt.ValueLine, alt.ValueColumn, altError));
            return null;
        }

        var creditText = credit is null || credit.Value.Length == 0 ? null : credit.Value;
        return new PictureReference(image.Value, alt.Value, creditText, image.ValueLine, image.ValueColumn);
    }

    /// <summary>
    /// The heading's first line (1-based). Markdig gives a setext heading the line of its underline; its span
    /// starts at its text, so the line breaks inside the span say how far above the text begins.
    /// </summary>
    public static int LineOf(HeadingBlock heading, string source) => heading.IsSetext
        ? heading.Line + 1 - source.AsSpan(heading.Span.Start, heading.Span.Length).Count('\n')
        : heading.Line + 1;

    private static IEnumerable<LinkInline> LinksIn(Block block) => block switch
    {
        LeafBlock leaf => leaf.Inline?.Descendants<LinkInline>() ?? [],
        ContainerBlock container => container.SelectMany(LinksIn),
        _ => [],
    };

    private int IndexOf(FactDefinition definition) =>
        kind.Facts.Select((fact, index) => (fact, index)).First(pair => pair.fact == definition).index;

    private List<FactLine> ReadFactLines(string name, ListBlock list)
    {
        var lines = new List<FactLine>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            if (ReadFactLine(item) is not { } fact)
            {
                errors.Add(new(file, item.Line + 1, item.Column + 1,
                    $"This line of the facts list of '{name}' is not written as '- **Key:** value'. Put the key in bold with its colon inside, or move the line into the prose below the list."));
                continue;
            }

            if (!seen.Add(fact.Key))
            {
                errors.Add(new(file, item.Line + 1, item.Column + 1, $"'{fact.Key}' is given twice for '{name}'. Keep one line; separate several values with commas."));
                continue;
            }

            lines.Add(fact);
        }

        return lines;
    }

    /// <summary>The entry's facts list: the bullet list right under its heading, when its first item is a fact line.</summary>
    public static ListBlock? FactsListOf(IReadOnlyList<Block> blocks) =>
        blocks.Count > 0 && IsFactsList(blocks[0]) ? (ListBlock)blocks[0] : null;

    /// <summary>A bullet list whose first item is written as a fact line, as an entry's facts list is.</summary>
    public static bool IsFactsList(Block block) =>
        block is ListBlock { IsOrdered: false, Count: > 0 } list && ReadFactLine(list[0]) is not null;

    /// <summary>The key of a list item or paragraph written as a fact line (<c>**Key:** value</c>), or null.</summary>
    public static string? FactKeyOf(Block block) => block switch
    {
        ListItemBlock item => ReadFactLine(item)?.Key,
        ParagraphBlock paragraph => FactLineOf(paragraph)?.Key,
        _ => null,
    };

    /// <summary>
    /// A list item written as <c>- **Key:** value</c> (or <c>- **Key**: value</c>): a bold key first, its colon, then
    /// the value's text as a reader sees it (marks dropped, escapes resolved). Null for any other item.
    /// </summary>
    private static FactLine? ReadFactLine(Block item) =>
        item is ListItemBlock { Count: > 0 } listItem && listItem[0] is ParagraphBlock paragraph ? FactLineOf(paragraph) : null;

    private static FactLine? FactLineOf(ParagraphBlock paragraph)
    {
        if (paragraph is not { Inline.FirstChild: EmphasisInline { DelimiterChar: '*', DelimiterCount: 2 } bold })
        {
            return null;
        }

        var keyText = InlineText.Of(bold);
        var colonInside = keyText.EndsWith(':');
        var colonAfter = !colonInside && bold.NextSibling is LiteralInline next && next.Content.ToString().TrimStart().StartsWith(':');
        var key = colonInside ? keyText[..^1].Trim() : keyText.Trim();
        if (!(colonInside || colonAfter) || key.Length == 0 || key.Contains(':', StringComparison.Ordinal) || key.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        var value = InlineText.From(bold.NextSibling);
        if (colonAfter)
        {
            value = value.TrimStart()[1..];
        }

        var (valueLine, valueColumn) = ValuePosition(bold, colonAfter);
        return new FactLine(key, value.Trim(), bold.Line + 1, bold.Column + 3, valueLine, valueColumn);
    }

    // Where the value's first character is (1-based), for errors about the value; just after the key when it is empty.
    private static (int Line, int Column) ValuePosition(EmphasisInline bold, bool skipColon)
    {
        for (var inline = bold.NextSibling; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LineBreakInline)
            {
                continue;
            }

            if (inline is not LiteralInline literal)
            {
                return (inline.Line + 1, inline.Column + 1);
            }

            var text = literal.Content.AsSpan();
            var offset = 0;
            while (offset < text.Length && (char.IsWhiteSpace(text[offset]) || (skipColon && text[offset] == ':')))
            {
                skipColon &= text[offset] != ':';
                offset++;
            }

            if (offset < text.Length)
            {
                return (literal.Line + 1, literal.Column + offset + 1);
            }
        }

        return (bold.Line + 1, bold.Column + bold.Span.Length + 1);
    }

    private string? ReadSlug(string value, int line, int column)
    {
        if (Slug.IsValid(value) && Slug.TooLong(value) is { } tooLong)
        {
            errors.Add(new(file, line, column, $"{tooLong} Write a shorter one."));
            return null;
        }

        if (Slug.IsValid(value))
        {
            return value;
        }

        errors.Add(new(file, line, column, $"'{value}' is not a web address segment. Write lower-case letters, digits and hyphens, such as '{Slug.From(value)}'."));
        return null;
    }

    private sealed record FactLine(string Key, string Value, int KeyLine, int KeyColumn, int ValueLine, int ValueColumn);
}
