using Impala.Discovery.Web.Content.Addresses;
using Impala.Discovery.Web.Content.Pictures;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// The one evaluation of a content folder, shared by the live import, <c>check</c> and the editors' preview: read
/// kinds.yml, removed.yml and every article, parse each in isolation, check pictures, check across files and plan,
/// against what was served before (<see cref="PreviousContent"/>). It reads files and writes nothing: the importer
/// applies the plan, so that <c>check</c> and the site cannot come to different verdicts on the same folder.
/// </summary>
/// <param name="folder">The content folder to read.</param>
/// <param name="parser">Parses each article in isolation.</param>
/// <param name="historyAtRevision">
/// For a copy of the content as it was at a commit (<c>check --base</c>): its history in the repository, read at that
/// commit. Null for a folder with its own history, which is asked afresh at each evaluation, as it changes.
/// </param>
/// <param name="lastGoodAtRevision">
/// For a copy of the content at a commit that a site built from it is asked about (see <see cref="LastGoodFromHistory"/>):
/// where the files refused there find the last good versions that site held, in the history before the commit.
/// </param>
public sealed class ContentEvaluator(
    ContentFolder folder, IsolatedArticleParser parser, FirstPublication? historyAtRevision = null, LastGoodFromHistory? lastGoodAtRevision = null)
{
    public ContentFolder Folder => folder;

    public PictureFolder PictureFolder { get; } = new(folder.Root);

    // Where files the store never held find their last good version: the folder's own history; for a copy of the content
    // at a commit, the history before it, when asked for (check --base reads none).
    private readonly LastGoodFromHistory? _lastGood = historyAtRevision is null ? new(folder.Root, parser) : lastGoodAtRevision;

    public async Task<ContentEvaluation> EvaluateAsync(PreviousContent previous, DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new List<ContentError>();
        PictureFolder.ForgetIfSwapped();
        var pictures = new PictureCheck(PictureFolder);

        var kindsFile = Guarded(ContentFolder.KindsFileName, folder.ReadCatalog);
        var kinds = kindsFile.Succeeded ? kindsFile.Value : previous.LastGoodKinds ?? _lastGood?.Kinds();
        errors.AddRange(kindsFile.Errors);
        if (kindsFile.Succeeded)
        {
            // A kind's picture is a file of its own: a bad one is an error on the line of kinds.yml that names it, and
            // the kind keeps its last good picture (or none). Refusing the whole catalogue for it would, on a new
            // store, refuse every article.
            errors.AddRange(await pictures.CheckKindsAsync(kindsFile.Value!.Catalog));
        }

        var removalsFile = Guarded(RemovalRecords.FileName, folder.ReadRemovals);
        var removalsFromHistory = removalsFile.Succeeded || previous.LastGoodRemovals is not null ? null : _lastGood?.Removals();
        var removals = removalsFile.Succeeded ? removalsFile.Value! : previous.LastGoodRemovals ?? removalsFromHistory ?? RemovalsSource.None;
        errors.AddRange(removalsFile.Errors);

        // places.yml (the search's other names of places): reported like any file; the search keeps its last good list.
        var placesFile = Guarded(Features.Search.PlaceNames.FileName, () => Features.Search.PlaceNames.Read(folder.Root));
        errors.AddRange(placesFile.Errors);
        // Part of the content version, so that a search's ETag moves when the names it matches do (found by sweep 7).
        var placeNames = placesFile.Succeeded
            ? string.Join("\n", placesFile.Value!.Select(group => (group.IsCountry ? "country: " : "city: ") + string.Join(" | ", group.Names)))
            : null;

        var (files, unreadable) = folder.ReadArticles();
        if (kinds is null)
        {
            // No catalogue has ever been readable: no article can be checked, so none is refused or removed.
            errors.AddRange(unreadable);
            return new ContentEvaluation(null, false, removals, removalsFile.Succeeded, null, errors, [], pictures.Pictures,
                new Dictionary<string, CheckedPicture>(), files.Count + unreadable.Count);
        }

        var stored = previous.Articles;
        var history = historyAtRevision ?? new FirstPublication(folder.Root);
        // A commit's content is never being written.
        var beingWritten = files.Where(file => historyAtRevision is null && file.Written is { } written && ContentFolder.MayBeBeingWritten(written, file.Text))
            .Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        var parsed = RefusedByStore(await pictures.ApplyAsync(await parser.ParseAllAsync(files, kinds, stored, cancellationToken)), previous);
        var inForce = new RemovalsInForce(removals, EarlierRemovals(history, previous));
        var refusedAsRead = parsed.Where(file => file.Article is null).Select(file => file.File).Concat(unreadable.Select(error => error.File))
            .ToHashSet(StringComparer.Ordinal);
        removals = inForce.With(parsed, stored, refusedAsRead, today);
        var plan = ImportPlanner.Plan(kinds.Catalog, parsed, unreadable, stored, today, removals.Records, history, beingWritten);
        // The plan may refuse more files, whose stored versions (and their links) stay: once more with those.
        if (inForce.With(parsed, stored, OnlineWhileRefused(plan), today) is var settled && !RemovalsInForce.SameKept(settled, removals))
        {
            removals = settled;
            plan = ImportPlanner.Plan(kinds.Catalog, parsed, unreadable, stored, today, removals.Records, history, beingWritten);
        }

        if (plan.Write.Any(file => file.Article!.TextDropped))
        {
            // A kept article without its HTML is about to be written (its pictures changed, or another file no longer
            // refuses it): parse again every file to write. Every one, not only those: the parse just made drops the
            // others' HTML too, and one whose older version the store holds would come back without it, and be
            // written so, its prose lost (found by sweep 4: an entry moved back between two articles).
            var toWrite = plan.Write.Select(file => file.File).ToHashSet(StringComparer.Ordinal);
            var others = stored.Where(pair => !toWrite.Contains(pair.Key)).ToDictionary(StringComparer.Ordinal);
            parsed = RefusedByStore(await pictures.ApplyAsync(await parser.ParseAllAsync(files, kinds, others, cancellationToken)), previous);
            plan = ImportPlanner.Plan(kinds.Catalog, parsed, unreadable, stored, today, removals.Records, history, beingWritten);
        }

        if (plan.Write.FirstOrDefault(file => file.Article!.TextDropped) is { } textless)
        {
            // Written, it would lose its intro and every entry's prose: the import fails instead, and the site keeps
            // serving the last good content.
            throw new InvalidOperationException($"{textless.File} was about to be written without its text; nothing was written.");
        }

        (plan, var notLookedUp, removals) = await WithLastGoodFromHistoryAsync(
            plan, kinds, parsed, unreadable, previous, today, inForce, removals, history, beingWritten, cancellationToken);
        errors.AddRange(plan.Errors);
        errors.AddRange(RemovalsInForce.Errors(removals, plan, stored));
        var good = pictures.Pictures;
        var toKeep = parsed.Where(file => file.Article is not null).SelectMany(file => file.Article!.Pictures)
            .Concat(kindsFile.Succeeded ? kinds.Catalog.Kinds.Select(kind => kind.Picture).OfType<PictureReference>() : [])
            .Select(reference => reference.File)
            .Where(good.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => good[name], StringComparer.Ordinal);
        return new ContentEvaluation(kinds, kindsFile.Succeeded, removals, removalsFile.Succeeded, plan, errors, [.. plan.Warnings, .. folder.ArticlesInSubfolders()], good, toKeep,
            files.Count + unreadable.Count)
        {
            Unrecorded = Unrecorded(previous, plan, removals),
            RemovalsFromHistory = removalsFromHistory is not null,
            ArticleFilesSeen = files.Count + unreadable.Count(error => error.File.StartsWith(ContentFolder.ArticlesFolderName + "/", StringComparison.Ordinal)),
            PlaceNames = placeNames,
            NotLookedUpInHistory = notLookedUp,
            HeldUntil = plan.Held.Count == 0 ? null
                : files.Where(file => plan.Held.Contains(file.Path))
                    .Max(file => new DateTimeOffset(file.Written!.Value, TimeSpan.Zero) + ContentFolder.SettleTimeOf(file.Text)),
        };
    }

    /// <summary>
    /// Refused files the store holds no version of stand in with their last good version from the history (see
    /// <see cref="LastGoodFromHistory"/>), as a running site's last good versions stand in: planned again with them as
    /// the store's, so that they keep what they hold or give up what the history gives another article, as there, and
    /// written with the plan. Their errors are the same; the next import finds them in the store. Planned with them, an
    /// article let through while no one knew what a refused file held may be refused in turn (a link into the file that
    /// leads nowhere, found by replay 9): it is looked up too, until no refused file is left to look up.
    /// </summary>
    private async Task<(ImportPlan Plan, int NotLookedUp, RemovalsSource Removals)> WithLastGoodFromHistoryAsync(
        ImportPlan plan, KindsSource kinds, IReadOnlyList<ParsedFile> parsed, IReadOnlyList<ContentError> unreadable, PreviousContent previous,
        DateOnly today, RemovalsInForce inForce, RemovalsSource removals, FirstPublication history, IReadOnlySet<string> beingWritten,
        CancellationToken cancellationToken)
    {
        if (_lastGood is null)
        {
            return (plan, 0, removals);
        }

        var standIns = new List<ParsedFile>();
        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookedUp = new HashSet<string>(StringComparer.Ordinal);
        var stored = new Dictionary<string, StoredArticle>(previous.Articles, StringComparer.Ordinal);
        var replanned = plan;
        var notLookedUp = 0;
        var present = parsed.Select(file => file.File).Concat(unreadable.Select(error => error.File)).ToHashSet(StringComparer.Ordinal);
        while (notLookedUp == 0)
        {
            // A record dropped from removed.yml stays while a link leads to its address: the last good versions found
            // hold links too (a new store took an entry's removal as taken back, and brought the entry back from the history,
            // where a running site kept the record: found with seed 82012).
            if (inForce.With(parsed, stored, OnlineWhileRefused(replanned), today) is var settled && !RemovalsInForce.SameKept(settled, removals))
            {
                removals = settled;
                replanned = ImportPlanner.Plan(kinds.Catalog, parsed, unreadable, stored, today, removals.Records, history, beingWritten);
            }

            var linkedHidden = LinkedHidden(replanned, parsed, stored);
            // A link that leads nowhere refuses the article it is in: with no file refused, there is none to look into.
            var refused = replanned.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).ToHashSet(StringComparer.Ordinal);
            var takenOut = refused.Count > 0
                ? LinkedTakenOut(kinds, parsed, unreadable, stored, refused, removals, today)
                : [];
            // A draft or an article dated later that cannot be read keeps the last good version a running site holds of it
            // (see ImportPlanner.Outcome); a new store took it for a draft and served nothing of it (found by replay 10).
            var unreadHidden = parsed.Where(file => file.Article is null && file.Partial is { } partial && !ImportPlanner.IsDue(partial, today)
                && !stored.ContainsKey(file.File)).Select(file => file.File);
            // A deleted file's version is brought back only once the files in the folder have their own in: one of those
            // may answer the link (an article renamed twice, its second name refused, brought its first name back beside
            // it on a new store: found by the instance agreement fuzzer, seed 81019).
            var deletedTakenOut = takenOut.Keys.Where(file => !present.Contains(file) && !previous.StoreRefused.ContainsKey(file) && !lookedUp.Contains(file)).ToList();
            // Not one whose stand-in the store refused in this import: it would be written again and again.
            var without = replanned.Files
                .Where(file => (file.State == FileState.Refused && !file.EarlierVersionOnline) || linkedHidden.Contains(file.File))
                .Select(file => file.File).Concat(unreadHidden).Concat(takenOut.Keys.Where(present.Contains))
                .Where(file => !previous.StoreRefused.ContainsKey(file)).Where(lookedUp.Add).ToList();
            if (without.Count == 0)
            {
                without = deletedTakenOut;
                lookedUp.UnionWith(without);
                deletedTakenOut = [];
            }

            if (without.Count == 0)
            {
                break;
            }

            // Not by an article this plan takes off: a file renamed, refused, passed its own last good version over for
            // the old name's version, which it took off in that import (found by replay 13, I).
            var leaving = replanned.Remove.Except(replanned.Write.Select(file => file.File)).ToHashSet(StringComparer.Ordinal);
            (var found, notLookedUp) = await _lastGood.ArticlesAsync(without, today, cancellationToken, takenOut,
                (file, version) => TakenByAnother(file, history.AddressesOf(version, kinds.Catalog), stored, leaving, kinds.Catalog, history)
                    .Contains(SitePaths.Article(ArticleParser.SlugOf(version.Path))));
            var added = await StandInsAsync(found, kinds, today, cancellationToken);
            if (added.Count == 0)
            {
                if (deletedTakenOut.Count > 0)
                {
                    continue; // nothing changed: the deleted files are looked up next
                }

                break;
            }

            foreach (var candidate in added)
            {
                // Two found in one search may hold one address: the one that published it later gives it up, as a running
                // site's last good version gave it up when the other took it back (found by the instance agreement
                // fuzzer: an entry moved into a new article, then back). Not its own address: then it is no last good version.
                var addresses = candidate.Article!.EntryPaths.Concat(candidate.Article.Paths).ToHashSet(StringComparer.Ordinal);
                var version = found.First(version => version.File == candidate.File);
                var taken = TakenByAnother(candidate.File, addresses, stored, leaving, kinds.Catalog, history);
                taken.UnionWith(history.ClaimedFirstSince(candidate.File, addresses, version.AcceptedAt, kinds.Catalog, today));
                if (taken.Contains(SitePaths.Article(candidate.Article.Slug)))
                {
                    continue;
                }

                var standIn = taken.Count == 0 ? candidate : Without(candidate, [.. taken]);
                standIns.Add(standIn);
                commits[standIn.File] = version.Commit;
                stored[standIn.File] = StoredArticle.Written(standIn, kinds.Catalog);
            }

            replanned = ImportPlanner.Plan(kinds.Catalog, parsed, unreadable, stored, today, removals.Records, history, beingWritten);
        }

        if (standIns.Count == 0)
        {
            return (replanned, notLookedUp, removals);
        }

        // A file held while it may still be being written keeps its last version online too: a new store checked out a
        // moment ago holds every file so, and served nothing of one until it settled.
        var stillRefused = replanned.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).Concat(replanned.Held)
            .ToHashSet(StringComparer.Ordinal);
        var written = standIns.Where(standIn => stillRefused.Contains(standIn.File))
            .Select(standIn => replanned.Yielded.TryGetValue(standIn.File, out var given) ? Without(standIn, given) : standIn)
            .ToList();
        return (replanned with
        {
            Write = [.. replanned.Write, .. written],
            // What they give up is left out as they are written: the store gives up addresses of rows it holds already.
            Yielded = replanned.Yielded.Where(pair => !commits.ContainsKey(pair.Key)).ToDictionary(StringComparer.Ordinal),
        }, notLookedUp, removals);
    }

    /// <summary>The files a plan refuses or holds: their stored versions stay online.</summary>
    private static HashSet<string> OnlineWhileRefused(ImportPlan plan) =>
        plan.Files.Where(file => file.State == FileState.Refused).Select(file => file.File).Concat(plan.Held).ToHashSet(StringComparer.Ordinal);

    /// <summary>The records earlier versions of removed.yml held: its history, or, for a folder without one, the last read well here.</summary>
    private static IReadOnlyList<RemovalRecord> EarlierRemovals(FirstPublication history, PreviousContent previous) =>
        history.RemovalsEverCommitted() is { Count: > 0 } committed ? committed : previous.LastGoodRemovals?.Records ?? [];

    /// <summary>
    /// The addresses of these that another article the store holds (or a last good version found before) holds and
    /// published first: a last good version gives them up, or is none when its own article address is one (see
    /// <see cref="LastGoodFromHistory.ArticlesAsync"/>). The store takes no two articles at one address, and wrote nothing
    /// while it refused one (found by replay 10).
    /// </summary>
    private static HashSet<string> TakenByAnother(
        string file, IReadOnlySet<string> addresses, Dictionary<string, StoredArticle> stored, HashSet<string> leaving, KindCatalog kinds, FirstPublication history)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in stored.Values.Where(other => other.File != file && !leaving.Contains(other.File)))
        {
            foreach (var address in other.EntryPaths.Concat(other.Paths).Where(addresses.Contains))
            {
                string[] claimants = [file, other.File];
                if ((history.PublishedSince(file, address, kinds, claimants) ?? long.MaxValue) >= (history.PublishedSince(other.File, address, kinds, claimants) ?? long.MaxValue))
                {
                    taken.Add(address);
                }
            }
        }

        return taken;
    }

    /// <summary>
    /// Drafts and articles dated later, of which the store holds no version, that due articles link into: a running site
    /// that published one refuses the change, which would take linked addresses off the site (see
    /// <see cref="LinkedAddressGuard"/>), and keeps it online; a new store took the draft and refused the articles that
    /// link into it instead (found by replay 9). The history tells whether one was published.
    /// </summary>
    private static HashSet<string> LinkedHidden(ImportPlan plan, IReadOnlyList<ParsedFile> parsed, Dictionary<string, StoredArticle> stored)
    {
        var hidden = plan.Files.Where(file => file.State is FileState.Draft or FileState.Scheduled && !stored.ContainsKey(file.File))
            .Select(file => file.File).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 0)
        {
            return hidden;
        }

        var articles = parsed.Select(file => file.Article ?? file.Partial).OfType<ParsedArticle>().ToList();
        var linked = articles.Where(article => !hidden.Contains(article.File))
            .SelectMany(article => article.Links).Select(link => ContentLink.PagePath(link.Path)).ToHashSet(StringComparer.Ordinal);
        return articles.Where(article => hidden.Contains(article.File) && article.EntryPaths.Concat(article.Paths).Any(linked.Contains))
            .Select(article => article.File).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Files the store holds no version of, in the folder or deleted from it, that took out an address due articles link
    /// to and nothing answers, where other articles linked to it then (see <see cref="LastGoodFromHistory.LinkedAddressesTakenOut"/>):
    /// each with the commit of its newest version that held it. Nothing to ask git when every link leads somewhere.
    /// </summary>
    private Dictionary<string, string> LinkedTakenOut(
        KindsSource kinds, IReadOnlyList<ParsedFile> parsed, IReadOnlyList<ContentError> unreadable, Dictionary<string, StoredArticle> stored,
        HashSet<string> refused, RemovalsSource removals, DateOnly today)
    {
        var due = parsed.Select(file => file.Article).OfType<ParsedArticle>().Where(article => ImportPlanner.IsDue(article, today)).ToList();
        var answered = due.SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(stored.Values.SelectMany(article => article.EntryPaths.Concat(article.Paths)))
            .Concat(removals.Records.Select(record => record.Path))
            .ToHashSet(StringComparer.Ordinal);
        // The links of the last good versions online for refused files count too, as a running site's guard counts them
        // (see LinkedAddressGuard): an entry deleted while only such a version linked to it stayed on a running site and
        // left a new store (found by the instance agreement fuzzer, seed 80000).
        var leadingNowhere = due.SelectMany(article => article.Links).Select(link => ContentLink.PagePath(link.Path))
            .Concat(stored.Values.Where(article => refused.Contains(article.File)).SelectMany(article => article.LinkPaths))
            .Where(path => !answered.Contains(path) && PageAddress.FromPath(path) is { Type: PageType.Entry or PageType.Article })
            .ToHashSet(StringComparer.Ordinal);
        if (leadingNowhere.Count == 0)
        {
            return [];
        }

        var present = parsed.Select(file => file.File).Concat(unreadable.Select(error => error.File)).ToHashSet(StringComparer.Ordinal);
        return _lastGood!.LinkedAddressesTakenOut(leadingNowhere, present.Where(file => !stored.ContainsKey(file)),
            present.Concat(stored.Keys).ToHashSet(StringComparer.Ordinal), kinds.Catalog, today);
    }

    /// <summary>The last good versions found, parsed as they stand in, each marked as from its commit.</summary>
    private async Task<List<ParsedFile>> StandInsAsync(IReadOnlyList<HistoricVersion> found, KindsSource kinds, DateOnly today, CancellationToken cancellationToken)
    {
        var standIns = new List<ParsedFile>(found.Count);
        foreach (var version in found)
        {
            // Read under the name it had (its address then), with the catalogue a running site last wrote it under (see
            // HistoricVersion.KindsThen), or else today's: a running site keeps a refused file's rows as it wrote them, and
            // read with today's catalogue a fact's type changed since gave other values (found by replay 10), a fact made
            // required since refused it (found by replay 8).
            var parsedThen = version.KindsThen is { } kindsThen ? await ParseAloneAsync(version.Then, kindsThen, cancellationToken) : null;
            if (parsedThen?.Article is null)
            {
                parsedThen = await ParseAloneAsync(version.Then, kinds, cancellationToken);
            }

            if (parsedThen.Article is not { Draft: false } article || article.Published > today || kinds.Catalog.Find(article.Kind) is null)
            {
                continue;
            }

            // It shows the pictures of the commit it was accepted at, as a running site that accepted it then still does,
            // whatever the files hold now (replaced, deleted: found by replay 9); one that cannot be read there (a shallow
            // clone) leaves it without them, not off the site (found by replay 8).
            var file = parsedThen with { File = version.File, Article = article with { File = version.File } };
            var atCommit = new PictureCheck(name => _lastGood!.PictureAt(version.AcceptedAt, name));
            var withPictures = (await atCommit.ApplyAsync([file]))[0];
            var standIn = withPictures.Article is null ? WithoutPictures(file) : withPictures with { PicturesThen = atCommit.Pictures };
            standIns.Add(standIn with { Fingerprint = StoredArticle.FromHistoryHash(standIn.Fingerprint, version.Commit) });
        }

        return standIns;
    }

    private static ParsedFile WithoutPictures(ParsedFile file)
    {
        var article = file.Article!;
        return file with { Article = article with { Picture = null, Entries = [.. article.Entries.Select(entry => entry with { Picture = null })] } };
    }

    private async Task<ParsedFile> ParseAloneAsync(ContentFile file, KindsSource kinds, CancellationToken cancellationToken) =>
        (await _lastGood!.Parser().ParseAllAsync([file], kinds, new Dictionary<string, StoredArticle>(), cancellationToken))[0];

    /// <summary>A last good version from the history without the addresses it gives up, as the store drops them from one it holds.</summary>
    private static ParsedFile Without(ParsedFile standIn, IReadOnlyList<string> given)
    {
        var article = standIn.Article!;
        var entries = article.Entries.Where(entry => !given.Contains(SitePaths.Entry(article.Kind, entry.Slug)))
            .Select(entry => entry with { Aliases = [.. entry.Aliases.Where(alias => !given.Contains(SitePaths.Entry(article.Kind, alias)))] })
            .ToList();
        var kept = new ParsedArticle(article.File, article.Slug, article.Title, article.Kind, article.Published, article.Summary, article.Draft,
            article.IntroHtml, entries, article.Links, [.. article.Aliases.Where(alias => !given.Contains(SitePaths.Article(alias)))], article.Picture)
        { AliasesLine = article.AliasesLine };
        return standIn with { Article = kept, Fingerprint = StoredArticle.YieldedHash(standIn.Fingerprint) };
    }

    /// <summary>
    /// The store's own memory (and this plan's changes) that the content will not answer once the plan is applied:
    /// each with the line that records it in the content, so that a new instance answers it too.
    /// </summary>
    private static List<UnrecordedAddress> Unrecorded(PreviousContent previous, ImportPlan plan, RemovalsSource removals)
    {
        if (previous.FormerAddresses.Count == 0 && plan.AddressChanges.Count == 0)
        {
            return [];
        }

        var removed = plan.Remove.ToHashSet(StringComparer.Ordinal);
        var answered = previous.Articles.Values.Where(article => !removed.Contains(article.File)).SelectMany(article => article.EntryPaths.Concat(article.Paths))
            .Concat(plan.Write.SelectMany(file => file.Article!.EntryPaths.Concat(file.Article.Paths)))
            .Concat(removals.Records.Select(record => record.Path))
            .ToHashSet(StringComparer.Ordinal);
        var remembered = new Dictionary<string, string?>(previous.FormerAddresses, StringComparer.Ordinal);
        foreach (var change in plan.AddressChanges)
        {
            remembered[change.Path] = change.MovedTo;
        }

        return remembered.Where(pair => !answered.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new UnrecordedAddress(pair.Key, pair.Value, LineToAdd(pair.Key, pair.Value)))
            .ToList();
    }

    private static string LineToAdd(string path, string? movedTo)
    {
        var slug = path[(path.LastIndexOf('/') + 1)..];
        return movedTo switch
        {
            null => $"in content/{RemovalRecords.FileName}, under 'removed:': {RemovalRecords.RecordLines(path, RemovalRecords.DefaultReason).Trim()}",
            _ when movedTo.StartsWith(SitePaths.Series + "/", StringComparison.Ordinal) =>
                $"in the front matter of the article at {movedTo}: aliases: [{slug}]",
            _ => $"in the facts of the entry at {movedTo}: - **Aliases:** {slug}",
        };
    }

    private static IReadOnlyList<ParsedFile> RefusedByStore(IReadOnlyList<ParsedFile> parsed, PreviousContent previous) =>
        previous.StoreRefused.Count == 0
            ? parsed
            : parsed.Select(file => file.Article is not null && previous.StoreRefused.TryGetValue(file.File, out var refusal)
                ? file with { Article = null, Partial = file.Article, Errors = [refusal] }
                : file).ToList();

    // kinds.yml and removed.yml are files like any other: a bug of ours while reading one becomes an error on it, not a failed import.
    private static ParseResult<T> Guarded<T>(string fileName, Func<ParseResult<T>> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ParseResult<T>.Failure([new(fileName, 1, 1, "This file could not be read because of an unexpected error "
                + $"({exception.GetType().Name}: {exception.Message}). This looks like a bug in the site, not in your file: tell the developers.")]);
        }
    }
}
