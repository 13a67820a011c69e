using System.Text.RegularExpressions;

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

    /// <summary>
    /// The session of <paramref name="count"/> edits that <paramref name="seed"/> makes, worked out on a scratch copy of
    /// the frozen content.
    /// </summary>
    public static IReadOnlyList<EditorEdit> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var scratch = new EditedContent(TempFolder.CopyOf(FrozenContent.Path));
        var edits = new List<EditorEdit>();
        var total = Makers.Sum(maker => maker.Weight);
        for (var attempts = 0; edits.Count < count && attempts < count * 20; attempts++)
        {
            var roll = random.Next(total);
            var make = Makers.First(maker => (roll -= maker.Weight) < 0).Make;
            if (make(random, scratch, edits.Count + 1) is { } edit && edit.Apply(scratch))
            {
                edits.Add(edit);
            }
        }

        return edits;
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

        return new(index, $"{file}: delete '{heading}'{(recorded ? ", recorded in removed.yml" : "")}", tree =>
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
    }

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

    [GeneratedRegex(@"  - path: (\S+)\n    reason: [^\n]*\n")]
    private static partial Regex RemovalRecord();
}
