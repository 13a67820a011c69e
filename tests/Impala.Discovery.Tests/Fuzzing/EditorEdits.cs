using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// A seeded run of the changes editors commit to the content, mistakes among them (see <see cref="InstanceAgreementTests"/>):
/// facts deleted or unknown, entries renamed, given a Slug line, moved or deleted, articles made drafts, dated later,
/// deleted, claimed by a newcomer, broken YAML, removal records, kinds.yml changed, and earlier mistakes fixed. Each edit
/// is made against the content as the edits before it left it, and names its targets, so it can be replayed alone.
/// </summary>
public static partial class EditorEdits
{
    // The facts each kind of the frozen kinds.yml requires, with a value that passes, for new entries.
    private static readonly Dictionary<string, (string Key, string Value)[]> Required = new()
    {
        ["labels"] = [("Country", "Denmark"), ("Founded", "1999")],
        ["venues"] = [("Country", "France"), ("City", "Lyon")],
        ["associations"] = [("Full name", "An association of independents"), ("Territories", "Spain")],
        ["milestones"] = [("Year", "2010")],
    };

    // kinds.yml changes an editor makes: each a line as the frozen kinds.yml writes it, and what it becomes.
    private static readonly (string Why, string Find, string Replace)[] KindsChanges =
    [
        ("labels drop Genres", "      - { key: Genres, type: list }\n", ""),
        ("labels drop Artists", "      - { key: Artists, type: artists }\n", ""),
        ("venues drop Capacity", "      - { key: Capacity, type: number }\n", ""),
        ("labels Founded becomes text", "{ key: Founded, type: year, required: true }", "{ key: Founded, type: text, required: true }"),
        ("labels Artists become a list", "{ key: Artists, type: artists }", "{ key: Artists, type: list }"),
        ("venues Capacity becomes text", "{ key: Capacity, type: number }", "{ key: Capacity, type: text }"),
        ("labels Genres required", "{ key: Genres, type: list }", "{ key: Genres, type: list, required: true }"),
        ("venues Opened required", "{ key: Opened, type: year }", "{ key: Opened, type: year, required: true }"),
        ("associations Members required", "{ key: Members, type: number }", "{ key: Members, type: number, required: true }"),
    ];

    private delegate EditorEdit? Maker(Random random, EditedContent content, int index);

    private static readonly (Maker Make, int Weight)[] Makers =
    [
        (DeleteRequiredFact, 3),
        (AddUnknownFact, 3),
        (RenameEntry, 3),
        (AddSlugLine, 2),
        (MoveEntry, 2),
        (DraftOrDateLater, 2),
        (DeleteArticle, 1),
        (Newcomer, 2),
        (BreakFrontMatter, 2),
        (DeleteEntry, 2),
        (AddRemovalRecord, 1),
        (DropRemovalRecord, 1),
        (ChangeKinds, 2),
        (LinkToEntry, 2),
        (AddEntry, 1),
        (FixMistakes, 5),
    ];

    // Edits added by replay 11, made unless IMPALA_FUZZ_WIDENED=0 asks for the sessions each seed made before them.
    private static readonly (Maker Make, int Weight)[] WidenedMakers =
    [
        .. Makers,
        (AddAliasLine, 2),
        (LinkToAddress, 2),
        (DeleteLinkedEntry, 2),
        (BreakLinkingArticle, 1),
        (RenameArticleFile, 2),
        (MovePublished, 2),
        (AliasedEntryLinkedThenRefusedAndDeleted, 1),
        (TwoEditsInOneCommit, 2),
    ];

    // Dates an editor moves an article's 'published:' to: before all the frozen articles, between two of them, after them.
    private static readonly string[] PublishedDates = ["2019-06-01", "2020-10-15", "2020-12-01", "2021-02-15", "2021-04-01", "2022-06-01"];

    /// <summary>
    /// The session of <paramref name="count"/> edits that <paramref name="seed"/> makes, worked out on a scratch copy of
    /// the frozen content.
    /// </summary>
    public static IReadOnlyList<EditorEdit> Generate(int seed, int count, bool widened = false)
    {
        var makers = widened ? WidenedMakers : Makers;
        var random = new Random(seed);
        var scratch = new EditedContent(TempFolder.CopyOf(FrozenContent.Path));
        var edits = new List<EditorEdit>();
        var pending = new Queue<Maker>();
        for (var attempts = 0; edits.Count < count && attempts < count * 20; attempts++)
        {
            // The next step of a scenario under way (one in two edits, so that other edits fall between its steps), or any edit.
            var make = pending.Count > 0 && random.Next(2) == 0 ? pending.Dequeue() : Roll(random, makers);
            if (make == (Maker)TwoEditsInOneCommit)
            {
                if (Together(random, makers, scratch, edits.Count + 1) is { } together)
                {
                    edits.Add(together);
                }

                continue;
            }

            if (make == (Maker)AliasedEntryLinkedThenRefusedAndDeleted)
            {
                foreach (var step in AliasedEntryScenario(random, scratch))
                {
                    pending.Enqueue(step);
                }

                continue;
            }

            if (make(random, scratch, edits.Count + 1) is { } edit && edit.Apply(scratch))
            {
                edits.Add(edit);
            }
        }

        return edits;
    }

    private static Maker Roll(Random random, (Maker Make, int Weight)[] makers)
    {
        var roll = random.Next(makers.Sum(maker => maker.Weight));
        return makers.First(maker => (roll -= maker.Weight) < 0).Make;
    }

    /// <summary>
    /// Two edits an editor makes before one commit (not two commits pulled at once: a running site that imported every
    /// commit is the reference). Each is made against the content as the one before left it.
    /// </summary>
    private static EditorEdit? Together(Random random, (Maker Make, int Weight)[] makers, EditedContent scratch, int index)
    {
        var made = new List<EditorEdit>();
        for (var attempts = 0; made.Count < 2 && attempts < 20; attempts++)
        {
            var make = Roll(random, makers);
            if (make != (Maker)TwoEditsInOneCommit && make != (Maker)AliasedEntryLinkedThenRefusedAndDeleted && make(random, scratch, index) is { } edit && edit.Apply(scratch))
            {
                made.Add(edit);
            }
        }

        return made.Count < 2 ? null
            : new(index, $"in one commit: {made[0].Description}; and {made[1].Description}", tree => made[0].Apply(tree) | made[1].Apply(tree));
    }

    // Markers for Generate: these makers make no edit of their own.
    private static EditorEdit? TwoEditsInOneCommit(Random random, EditedContent content, int index) => null;

    private static EditorEdit? AliasedEntryLinkedThenRefusedAndDeleted(Random random, EditedContent content, int index) => null;

    /// <summary>
    /// The steps of "F6": an entry given an Aliases line with a former name, another article linking to that former
    /// address, that article refused (an unknown fact, or broken YAML), and the aliased entry deleted. Each step is an edit
    /// of its own, made when its turn comes, with other edits in between.
    /// </summary>
    private static IEnumerable<Maker> AliasedEntryScenario(Random random, EditedContent content)
    {
        if (PickEntry(random, content) is not (string file, string heading, string kind))
        {
            return [];
        }

        var linking = content.ArticleFiles.Where(other => other != file).ToList();
        if (linking.Count == 0)
        {
            return [];
        }

        var linker = linking[random.Next(linking.Count)];
        var former = $"formerly-{Slug.From(heading)}";
        var address = $"/{kind}/{former}";
        var recorded = random.Next(2) == 0;
        var brokenYaml = random.Next(2) == 0;
        var refuseFirst = random.Next(3) > 0;
        Maker alias = (_, _, index) => new(index, $"{file}: '{heading}' gets the Aliases line {former}", tree =>
            EditSection(tree, file, heading, section => section.Contains(former, StringComparison.Ordinal) ? null : AddAlias(section, former)));
        Maker link = (_, _, index) => new(index, $"{linker}: its intro links to {address} (the former name of '{heading}' of {file})", tree => LinkInIntro(tree, linker, heading, address));
        Maker refuse = (_, _, index) => brokenYaml
            ? new(index, $"{linker}: front matter broken (an unclosed '[' in the title)", tree =>
                tree.Exists(linker) && !tree.Read(linker).Contains("\ntitle: [", StringComparison.Ordinal) && ReplaceIn(tree, linker, "\ntitle: ", "\ntitle: [unclosed "))
            : new(index, $"{linker}: an unknown fact Colour added to its first entry", tree =>
                tree.Exists(linker) && EditedContent.Headings(tree.Read(linker)) is [var first, ..]
                && EditSection(tree, linker, first, section => section.Contains("- **Colour:**", StringComparison.Ordinal) ? null : InsertFact(section, "- **Colour:** red\n")));
        Maker delete = (_, _, index) => DeleteSection(index, $"{file}: delete '{heading}'{(recorded ? ", recorded in removed.yml" : "")}", file, heading, kind, recorded);
        return refuseFirst ? [alias, link, refuse, delete] : [alias, link, delete, refuse];
    }

    private static EditorEdit? DeleteRequiredFact(Random random, EditedContent content, int index)
    {

        if (PickEntry(random, content) is not (string file, string heading, string kind) || !Required.TryGetValue(kind, out var facts))
        {
            return null;
        }

        var key = facts[random.Next(facts.Length)].Key;
        return new(index, $"{file}: delete '{heading}''s required {key}", tree => EditSection(tree, file, heading, section =>
            EditedContent.FactLine(section, key) is { } line ? section[..line.Start] + section[line.End..] : null));
    }

    private static EditorEdit? AddUnknownFact(Random random, EditedContent content, int index)
    {

        if (PickEntry(random, content) is not (string file, string heading, _))
        {
            return null;
        }

        return new(index, $"{file}: add an unknown fact Colour to '{heading}'", tree => EditSection(tree, file, heading, section =>
            section.Contains("- **Colour:**", StringComparison.Ordinal) ? null : InsertFact(section, "- **Colour:** red\n")));
    }

    private static EditorEdit? RenameEntry(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, _))
        {
            return null;
        }

        var withAlias = random.Next(3) > 0;

        var renamed = $"{heading} Renamed {index}";
        return new(index, $"{file}: rename '{heading}' to '{renamed}' {(withAlias ? "with" : "without")} an Aliases line", tree =>
        {
            if (!tree.Exists(file) || EditedContent.EntrySlug(tree.Read(file), heading) is not { } slug)
            {
                return false;
            }

            return EditSection(tree, file, heading, section =>
            {
                var headingEnd = section.IndexOf('\n');
                var text = $"## {renamed}{section[(headingEnd < 0 ? section.Length : headingEnd)..]}";
                return withAlias ? AddAlias(text, slug) : text;
            });
        });
    }

    private static EditorEdit? AddSlugLine(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, _))
        {
            return null;
        }

        var withAlias = random.Next(2) == 0;

        var slug = $"custom-{index}";
        return new(index, $"{file}: give '{heading}' a Slug line '{slug}' {(withAlias ? "with" : "without")} an Aliases line", tree =>
        {
            if (!tree.Exists(file) || EditedContent.EntrySlug(tree.Read(file), heading) is not { } old)
            {
                return false;
            }

            return EditSection(tree, file, heading, section =>
            {
                var text = EditedContent.FactLine(section, "Slug") is { } line
                    ? section[..line.Start] + $"- **Slug:** {slug}\n" + section[line.End..]
                    : InsertFact(section, $"- **Slug:** {slug}\n");
                return withAlias ? AddAlias(text, old) : text;
            });
        });
    }

    private static EditorEdit? MoveEntry(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, string kind))
        {
            return null;
        }

        var others = content.ArticleFiles.Where(other => other != file && EditedContent.KindOf(content.Read(other)) == kind).ToList();
        var intoNew = others.Count == 0 || random.Next(2) == 0;
        var target = intoNew ? $"2023-0{random.Next(1, 10)}-more-{kind}-{index}.md" : others[random.Next(others.Count)];
        var draft = intoNew && random.Next(4) == 0;
        return new(index, $"{file}: move '{heading}' into {(intoNew ? "a new " + (draft ? "draft " : "") + "article " : "")}{target}", tree =>
        {
            if (!tree.Exists(file) || EditedContent.Section(tree.Read(file), heading) is not { } section)
            {
                return false;
            }

            var text = tree.Read(file);
            var moved = text[section.Start..section.End].TrimEnd('\n') + "\n";
            var into = tree.Exists(target) ? tree.Read(target).TrimEnd('\n') + "\n\n" + moved
                : NewArticle(kind, target, $"More {kind} {index}", draft, aliases: null, moved);
            tree.Write(file, text[..section.Start] + text[section.End..]);
            tree.Write(target, into);
            return true;
        });
    }

    private static EditorEdit? DraftOrDateLater(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        if (file is null)
        {
            return null;
        }

        var text = content.Read(file);
        if (text.Contains("\ndraft: true\n", StringComparison.Ordinal))
        {
            return new(index, $"{file}: no longer a draft", tree => ReplaceIn(tree, file, "\ndraft: true\n", "\n"));
        }

        if (PublishedLater().Match(text) is { Success: true } later)
        {
            var back = $"published: {file[..7]}-01";
            return new(index, $"{file}: {later.Value.Trim()} set back to {back}", tree => ReplaceIn(tree, file, later.Value.Trim(), back));
        }


        return random.Next(2) == 0
            ? new(index, $"{file}: made a draft", tree => tree.Exists(file) && !tree.Read(file).Contains("\ndraft: true\n", StringComparison.Ordinal)
                && ReplaceIn(tree, file, "\nkind: ", "\ndraft: true\nkind: "))
            : new(index, $"{file}: dated 2030", tree => tree.Exists(file) && PublishedNow().Match(tree.Read(file)) is { Success: true } match
                && ReplaceIn(tree, file, match.Value, "published: 2030" + match.Value["published: 2000".Length..]));
    }

    private static EditorEdit? DeleteArticle(Random random, EditedContent content, int index)
    {

        var file = PickArticle(random, content);
        if (file is null)
        {
            return null;
        }

        var recorded = random.Next(2) == 0;
        return new(index, $"git rm {file}{(recorded ? ", its addresses recorded in removed.yml" : "")}", tree =>
        {
            if (!tree.Exists(file))
            {
                return false;
            }

            if (recorded)
            {
                foreach (var address in EditedContent.Addresses(file, tree.Read(file)))
                {
                    Record(tree, address);
                }
            }

            tree.Delete(file);
            return true;
        });
    }

    private static EditorEdit? DeleteEntry(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, string kind))
        {
            return null;
        }

        var recorded = random.Next(3) > 0;

        return DeleteSection(index, $"{file}: delete '{heading}'{(recorded ? ", recorded in removed.yml" : "")}", file, heading, kind, recorded);
    }

    /// <summary>An entry's section taken out of its file, its address recorded in removed.yml or not.</summary>
    private static EditorEdit DeleteSection(int index, string description, string file, string heading, string kind, bool recorded) =>
        new(index, description, tree =>
        {
            if (!tree.Exists(file) || EditedContent.Section(tree.Read(file), heading) is not { } section)
            {
                return false;
            }

            var text = tree.Read(file);
            if (recorded)
            {
                Record(tree, $"/{kind}/{EditedContent.EntrySlug(text, heading)}");
            }

            tree.Write(file, text[..section.Start] + text[section.End..]);
            return true;
        });

    private static EditorEdit? Newcomer(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, string kind))
        {
            return null;
        }

        // Backdated before every fixture article, or dated after them.
        var date = random.Next(2) == 0 ? "2019-0" + random.Next(1, 10) : "2024-0" + random.Next(1, 10);
        var claim = random.Next(3);
        var ownSlug = EditedContent.ArticleSlug(file);
        var newcomer = claim == 2 ? $"{date}-{ownSlug}.md" : $"{date}-newcomers-{index}.md";
        var entries = (claim == 0 ? NewEntry(kind, heading) + "\n" : "") + NewEntry(kind, $"Newcomer {index}");
        var how = claim switch
        {
            0 => $"reuses the name '{heading}'",
            1 => $"claims the article address /series/{ownSlug} in its aliases",
            _ => "reuses its article address in its file name",
        };
        return new(index, $"add {newcomer}, a newcomer that {how} of {file}", tree =>
        {
            if (tree.Exists(newcomer))
            {
                return false;
            }

            tree.Write(newcomer, NewArticle(kind, newcomer, $"Newcomers {index}", draft: false, claim == 1 ? ownSlug : null, entries));
            return true;
        });
    }

    private static EditorEdit? BreakFrontMatter(Random random, EditedContent content, int index)
    {

        var file = PickArticle(random, content);
        return file is null ? null
            : new(index, $"{file}: front matter broken (an unclosed '[' in the title)", tree =>
                tree.Exists(file) && !tree.Read(file).Contains("\ntitle: [", StringComparison.Ordinal) && ReplaceIn(tree, file, "\ntitle: ", "\ntitle: [unclosed "));
    }

    private static EditorEdit? AddRemovalRecord(Random random, EditedContent content, int index)
    {
        // An address still served (a record made too early, or by mistake), or one that never was.
        var address = random.Next(2) == 0 && PickEntry(random, content) is (string file, string heading, string kind)
            ? $"/{kind}/{EditedContent.EntrySlug(content.Read(file), heading)}"
            : $"/labels/closed-long-ago-{index}";
        return new(index, $"removed.yml: record {address}", tree => Record(tree, address));
    }

    private static EditorEdit? DropRemovalRecord(Random random, EditedContent content, int index)
    {
        var records = RemovalRecord().Matches(content.ReadRemovals()).Select(match => match.Groups[1].Value).ToList();
        if (records.Count == 0)
        {
            return null;
        }

        var address = records[random.Next(records.Count)];
        return new(index, $"removed.yml: drop the record of {address}", tree =>
        {
            var text = tree.ReadRemovals();
            var kept = RemovalRecord().Replace(text, match => match.Groups[1].Value == address ? "" : match.Value);
            if (kept == text)
            {
                return false;
            }

            tree.WriteRemovals(kept);
            return true;
        });
    }

    private static EditorEdit? ChangeKinds(Random random, EditedContent content, int index)
    {

        var (why, find, replace) = KindsChanges[random.Next(KindsChanges.Length)];
        return new(index, $"kinds.yml: {why}", tree => ReplaceInKinds(tree, find, replace));
    }

    private static EditorEdit? LinkToEntry(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        if (file is null || PickEntry(random, content) is not (string other, string heading, string kind) || other == file)
        {
            return null;
        }

        var address = $"/{kind}/{EditedContent.EntrySlug(content.Read(other), heading)}";
        return new(index, $"{file}: its intro links to {address} ('{heading}' of {other})", tree =>
        {
            var text = tree.Exists(file) ? tree.Read(file) : "";
            var end = text.IndexOf("\n---\n", Math.Min(4, text.Length), StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            tree.Write(file, text[..(end + 5)] + $"\nSee also [{heading}]({address}).\n" + text[(end + 5)..]);
            return true;
        });
    }

    private static EditorEdit? AddEntry(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        if (file is null || EditedContent.KindOf(content.Read(file)) is not { } kind || !Required.ContainsKey(kind))
        {
            return null;
        }

        return new(index, $"{file}: add the entry 'Added {index}'", tree =>
        {
            if (!tree.Exists(file))
            {
                return false;
            }

            tree.Write(file, tree.Read(file).TrimEnd('\n') + "\n\n" + NewEntry(kind, $"Added {index}"));
            return true;
        });
    }

    /// <summary>An entry given an Aliases line with a name it was once known by, which no address had yet.</summary>
    private static EditorEdit? AddAliasLine(Random random, EditedContent content, int index)
    {
        if (PickEntry(random, content) is not (string file, string heading, _))
        {
            return null;
        }

        var former = $"once-{index}";
        return new(index, $"{file}: '{heading}' gets the Aliases line {former}", tree => EditSection(tree, file, heading, section => AddAlias(section, former)));
    }

    /// <summary>A link added into an article's intro to an address another article serves: a former name (an Aliases line, an article's aliases) or an article's own address.</summary>
    private static EditorEdit? LinkToAddress(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        var targets = content.ArticleFiles.Where(other => other != file).SelectMany(other => OtherAddresses(other, content.Read(other))).ToList();
        if (file is null || targets.Count == 0)
        {
            return null;
        }

        var (address, what) = targets[random.Next(targets.Count)];
        return new(index, $"{file}: its intro links to {address} ({what})", tree => LinkInIntro(tree, file, "this", address));
    }

    /// <summary>An entry deleted that another article links to (by its own address or a former one), recorded in removed.yml or not.</summary>
    private static EditorEdit? DeleteLinkedEntry(Random random, EditedContent content, int index)
    {
        var linked = content.ArticleFiles
            .SelectMany(file => EditedContent.KindOf(content.Read(file)) is { } kind
                ? EditedContent.Headings(content.Read(file)).Select(heading => (File: file, Heading: heading, Kind: kind))
                : [])
            .Where(entry => EntryAddresses(content.Read(entry.File), entry.Heading, entry.Kind)
                .Any(address => content.ArticleFiles.Any(other => other != entry.File && content.Read(other).Contains($"]({address})", StringComparison.Ordinal))))
            .ToList();
        if (linked.Count == 0)
        {
            return null;
        }

        var (file, heading, kind) = linked[random.Next(linked.Count)];
        var recorded = random.Next(2) == 0;
        return DeleteSection(index, $"{file}: delete '{heading}', which others link to{(recorded ? ", recorded in removed.yml" : "")}", file, heading, kind, recorded);
    }

    /// <summary>An article that links to others refused: an unknown fact in one of its entries, or broken YAML.</summary>
    private static EditorEdit? BreakLinkingArticle(Random random, EditedContent content, int index)
    {
        var linking = content.ArticleFiles.Where(file => content.Read(file).Contains("](/", StringComparison.Ordinal)).ToList();
        if (linking.Count == 0)
        {
            return null;
        }

        var file = linking[random.Next(linking.Count)];
        if (random.Next(2) == 0 || EditedContent.Headings(content.Read(file)) is not [var first, ..])
        {
            return new(index, $"{file}: front matter broken (an unclosed '[' in the title)", tree =>
                tree.Exists(file) && !tree.Read(file).Contains("\ntitle: [", StringComparison.Ordinal) && ReplaceIn(tree, file, "\ntitle: ", "\ntitle: [unclosed "));
        }

        return new(index, $"{file}: add an unknown fact Colour to '{first}'", tree => EditSection(tree, file, first, section =>
            section.Contains("- **Colour:**", StringComparison.Ordinal) ? null : InsertFact(section, "- **Colour:** red\n")));
    }

    /// <summary>
    /// `git mv` of an article file: a new name (its own address changes, with or without the old one in 'aliases'), or a
    /// new year and month only (the address stays), the text untouched or edited as well.
    /// </summary>
    private static EditorEdit? RenameArticleFile(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        if (file is null)
        {
            return null;
        }

        var how = random.Next(4);
        var oldSlug = EditedContent.ArticleSlug(file);
        var renamed = how == 3 ? $"202{random.Next(0, 3)}-0{random.Next(1, 10)}-{oldSlug}.md" : $"{file[..8]}{oldSlug}-renamed-{index}.md";
        var withAlias = how == 1;
        var edited = how == 2;
        return new(index, $"git mv {file} {renamed}{(withAlias ? ", 'aliases' given the old address" : "")}{(edited ? ", its summary edited too" : "")}", tree =>
        {
            if (!tree.Exists(file) || tree.Exists(renamed))
            {
                return false;
            }

            var text = tree.Read(file);
            if (withAlias)
            {
                text = WithArticleAlias(text, oldSlug);
            }

            if (edited)
            {
                text = text.Replace("\nsummary: ", "\nsummary: Renamed. ", StringComparison.Ordinal);
            }

            tree.Delete(file);
            tree.Write(renamed, text);
            return true;
        });
    }

    /// <summary>An article's 'published:' moved earlier or later among the others (not into the future).</summary>
    private static EditorEdit? MovePublished(Random random, EditedContent content, int index)
    {
        var file = PickArticle(random, content);
        if (file is null)
        {
            return null;
        }

        var date = PublishedDates[random.Next(PublishedDates.Length)];
        return new(index, $"{file}: published: moved to {date}", tree =>
            tree.Exists(file) && PublishedNow().Match(tree.Read(file)) is { Success: true } match && match.Value != $"published: {date}"
            && ReplaceIn(tree, file, match.Value, $"published: {date}"));
    }

    /// <summary>The addresses an article serves that another may link to, other than its entries' own: its own and its former ones.</summary>
    private static IEnumerable<(string Address, string What)> OtherAddresses(string file, string text)
    {
        yield return ($"/series/{EditedContent.ArticleSlug(file)}", $"the article {file}");
        if (ArticleAliases().Match(text) is { Success: true } aliases)
        {
            foreach (var alias in aliases.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return ($"/series/{alias}", $"a former address of {file}");
            }
        }

        if (EditedContent.KindOf(text) is { } kind)
        {
            foreach (var heading in EditedContent.Headings(text))
            {
                foreach (var address in EntryAddresses(text, heading, kind).Skip(1))
                {
                    yield return (address, $"a former name of '{heading}' of {file}");
                }
            }
        }
    }

    /// <summary>The entry's own address, then those of its Aliases line.</summary>
    private static IEnumerable<string> EntryAddresses(string text, string heading, string kind)
    {
        if (EditedContent.Section(text, heading) is not { } section)
        {
            yield break;
        }

        yield return $"/{kind}/{EditedContent.EntrySlug(text, heading)}";
        if (EditedContent.FactLine(text[section.Start..section.End], "Aliases") is { } line)
        {
            foreach (var alias in line.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"/{kind}/{alias}";
            }
        }
    }

    /// <summary>A sentence linking to the address, put at the start of the article's intro; false when the file is gone.</summary>
    private static bool LinkInIntro(EditedContent tree, string file, string name, string address)
    {
        var text = tree.Exists(file) ? tree.Read(file) : "";
        var end = text.IndexOf("\n---\n", Math.Min(4, text.Length), StringComparison.Ordinal);
        if (end < 0 || text.Contains($"]({address})", StringComparison.Ordinal))
        {
            return false;
        }

        tree.Write(file, text[..(end + 5)] + $"\nSee also [{name}]({address}).\n" + text[(end + 5)..]);
        return true;
    }

    private static string WithArticleAlias(string text, string alias) =>
        ArticleAliases().Match(text) is { Success: true } aliases
            ? text[..aliases.Groups[1].Index] + $"{aliases.Groups[1].Value.Trim()}, {alias}" + text[(aliases.Groups[1].Index + aliases.Groups[1].Length)..]
            : text.Replace("\nkind: ", $"\naliases: [{alias}]\nkind: ", StringComparison.Ordinal);

    /// <summary>An editor puts right what went wrong: a file back as it was published, the unknown facts or broken YAML taken out, kinds.yml back.</summary>
    private static EditorEdit? FixMistakes(Random random, EditedContent content, int index)
    {
        var broken = content.ArticleFiles.Where(file =>
            content.Read(file).Contains("- **Colour:**", StringComparison.Ordinal) || content.Read(file).Contains("\ntitle: [unclosed ", StringComparison.Ordinal)).ToList();
        switch (random.Next(3))
        {
            case 0 when broken.Count > 0:
                var file = broken[random.Next(broken.Count)];
                return new(index, $"{file}: unknown facts and broken YAML taken out", tree =>
                    tree.Exists(file) && ReplaceIn(tree, file, "- **Colour:** red\n", "") | ReplaceIn(tree, file, "\ntitle: [unclosed ", "\ntitle: "));
            case 1 when content.ReadKinds() != File.ReadAllText(Path.Combine(FrozenContent.Path, "kinds.yml")):
                return new(index, "kinds.yml: back as it was", tree =>
                {
                    var original = File.ReadAllText(Path.Combine(FrozenContent.Path, "kinds.yml"));
                    if (tree.ReadKinds() == original)
                    {
                        return false;
                    }

                    tree.WriteKinds(original);
                    return true;
                });
            default:
                var changed = FrozenContent.ArticleFileNames.Where(name => !content.Exists(name) || content.Read(name) != FrozenContent.ArticleText(name)).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }

                var restored = changed[random.Next(changed.Count)];
                return new(index, $"git checkout the first commit's {restored}", tree =>
                {
                    if (tree.Exists(restored) && tree.Read(restored) == FrozenContent.ArticleText(restored))
                    {
                        return false;
                    }

                    tree.Write(restored, FrozenContent.ArticleText(restored));
                    return true;
                });
        }
    }



    /// <summary>The facts a kind of the frozen kinds.yml requires; null for another kind.</summary>
    public static IReadOnlyList<string>? RequiredFacts(string kind) => Required.TryGetValue(kind, out var facts) ? facts.Select(fact => fact.Key).ToList() : null;

    private static string? PickArticle(Random random, EditedContent content)
    {
        var files = content.ArticleFiles;
        return files.Count == 0 ? null : files[random.Next(files.Count)];
    }

    private static (string File, string Heading, string Kind)? PickEntry(Random random, EditedContent content)
    {
        var candidates = content.ArticleFiles
            .Select(file => (File: file, Text: content.Read(file)))
            .Where(article => EditedContent.KindOf(article.Text) is not null && EditedContent.Headings(article.Text).Count > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (file, text) = candidates[random.Next(candidates.Count)];
        var headings = EditedContent.Headings(text);
        return (file, headings[random.Next(headings.Count)], EditedContent.KindOf(text)!);
    }

    /// <summary>Rewrites one entry's section; false when the file or the entry is gone or the change changes nothing.</summary>
    private static bool EditSection(EditedContent tree, string file, string heading, Func<string, string?> change)
    {
        var text = tree.Exists(file) ? tree.Read(file) : "";
        if (EditedContent.Section(text, heading) is not { } section)
        {
            return false;
        }

        var before = text[section.Start..section.End];
        if (change(before) is not { } after || after == before)
        {
            return false;
        }

        tree.Write(file, text[..section.Start] + after + text[section.End..]);
        return true;
    }

    private static bool ReplaceIn(EditedContent tree, string file, string find, string replace)
    {
        var text = tree.Exists(file) ? tree.Read(file) : "";
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            return false;
        }

        var at = text.IndexOf(find, StringComparison.Ordinal);
        tree.Write(file, text[..at] + replace + text[(at + find.Length)..]);
        return true;
    }

    private static bool ReplaceInKinds(EditedContent tree, string find, string replace)
    {
        var text = tree.ReadKinds();
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            return false;
        }

        tree.WriteKinds(text.Replace(find, replace, StringComparison.Ordinal));
        return true;
    }

    private static bool Record(EditedContent tree, string address)
    {
        var text = tree.ReadRemovals();
        if (text.Contains($"  - path: {address}\n", StringComparison.Ordinal))
        {
            return false;
        }

        tree.WriteRemovals((text.Length == 0 ? "removed:\n" : text) + $"  - path: {address}\n    reason: Taken off in a test.\n");
        return true;
    }

    /// <summary>A fact line put first in the section's facts (before its first fact line, or under the heading).</summary>
    private static string InsertFact(string section, string line)
    {
        var first = section.IndexOf("\n- **", StringComparison.Ordinal);
        if (first >= 0)
        {
            return section[..(first + 1)] + line + section[(first + 1)..];
        }

        var headingEnd = section.IndexOf('\n');
        return headingEnd < 0 ? section + "\n\n" + line : section[..(headingEnd + 1)] + "\n" + line + section[(headingEnd + 1)..];
    }

    private static string AddAlias(string section, string slug) =>
        EditedContent.FactLine(section, "Aliases") is { } line
            ? section[..line.Start] + $"- **Aliases:** {line.Value.Trim()}, {slug}\n" + section[line.End..]
            : InsertFact(section, $"- **Aliases:** {slug}\n");

    private static string NewEntry(string kind, string name) =>
        $"## {name}\n\n{string.Concat(Required[kind].Select(fact => $"- **{fact.Key}:** {fact.Value}\n"))}\nWhat an editor wrote about {name}.\n";

    private static string NewArticle(string kind, string file, string title, bool draft, string? aliases, string entries) =>
        $"---\ntitle: {title}\nkind: {kind}\n{(draft ? "draft: true\n" : "")}{(aliases is null ? "" : $"aliases: [{aliases}]\n")}"
        + $"published: {file[..7]}-01\nsummary: An article an editor added.\n---\n\nA few more.\n\n{entries}";

    [GeneratedRegex(@"published: 2030-\d\d-\d\d\n")]
    private static partial Regex PublishedLater();

    [GeneratedRegex(@"published: \d{4}-\d\d-\d\d")]
    private static partial Regex PublishedNow();

    [GeneratedRegex(@"^aliases: *\[([^\]\n]*)\]", RegexOptions.Multiline)]
    private static partial Regex ArticleAliases();

    [GeneratedRegex(@"  - path: (\S+)\n    reason: [^\n]*\n")]
    private static partial Regex RemovalRecord();
}
