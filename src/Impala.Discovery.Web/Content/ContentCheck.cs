using Impala.Discovery.Web.Content.Addresses;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// <c>dotnet run --project src/Impala.Discovery.Web -- check [content-path] [--base REV] [--fix] [--format github]</c>:
/// the import's own evaluation (<see cref="ContentEvaluator"/>), without a web server or a database, as if the folder
/// were published today on a new site; then, in a git checkout, every address the base revision published must still
/// answer. Prints one line per problem in the form compilers use (<c>file:line:col: error: …</c>), or as GitHub
/// Actions annotations, then a summary; exits 1 on any error, 2 on a usage mistake, 0 otherwise.
/// </summary>
public static class ContentCheck
{
    public const string Verb = "check";

    public const string Usage = """
        usage: check [content-path] [--base <git-revision>] [--fix] [--format github]

          content-path   the folder holding kinds.yml and articles/ (default: the repository's content/)
          --base REV     compare with the content at a git revision: every address published there must still
                         answer (default: the merge base with the main branch; outside git, addresses are not checked)
          --no-base      do not compare with any revision
          --fix          write the aliases and removal records that keep dropped addresses answering, then check again
          --format github  print problems as GitHub Actions annotations
        """;

    /// <summary>
    /// An evaluation with every refused file's last good version looked up in the history: the site looks a few commits an
    /// import and goes on at once with another, which check, run once, has no next one for (see
    /// <see cref="ContentEvaluation.NotLookedUpInHistory"/>). Each round remembers the commits it evaluated, so this ends.
    /// </summary>
    private static async Task<ContentEvaluation> EvaluateWholeAsync(ContentEvaluator evaluator, PreviousContent previous, DateOnly today, CancellationToken cancellationToken)
    {
        var evaluation = await evaluator.EvaluateAsync(previous, today, cancellationToken);
        while (evaluation.NotLookedUpInHistory > 0)
        {
            evaluation = await evaluator.EvaluateAsync(previous, today, cancellationToken);
        }

        return evaluation;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CheckArguments.Parse(arguments) is not { } options)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        // Errors name files as the editor named the folder ("content/articles/…"), so editors and CI can jump to them.
        var shownAs = options.Folder ?? "content";
        var root = options.Folder is null ? ContentFolder.FindFrom(Directory.GetCurrentDirectory()) : Locate(options.Folder);
        if (root is null)
        {
            await output.WriteLineAsync($"{shownAs}: error: no such content folder. Name the folder that holds kinds.yml and articles/.");
            return 2;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var evaluator = Evaluator(root, clock);
        var working = await EvaluateWholeAsync(evaluator, PreviousContent.None, today, cancellationToken);
        var errors = working.Errors.ToList();
        var addressNote = "";
        // With kinds.yml unreadable no article can be read, so every published address would seem to stop working: one
        // error (kinds.yml's own) says more than hundreds of those (found by sweep 8).
        if (!options.NoBase && !working.KindsRead)
        {
            addressNote = $"Addresses not checked: {ContentFolder.KindsFileName} cannot be read, so no article could be; fix it first.";
        }
        else if (!options.NoBase)
        {
            var (problems, published, note) = await CheckAddressesAsync(root, options.Base, working, clock, cancellationToken);
            addressNote = note;
            if (published is not null)
            {
                // Weighed against what the base published, as the live site weighs it against its store: a change
                // that takes away what others link to is the changed file's error, not theirs.
                working = await EvaluateWholeAsync(evaluator, PreviousContent.From(published), today, cancellationToken);
                errors = working.Errors.ToList();
            }

            if (options.Fix && problems.Count > 0)
            {
                foreach (var line in AddressFixWriter.Apply(root, problems.Select(problem => problem.Fix)))
                {
                    await output.WriteLineAsync(Path.Combine(shownAs, line).Replace('\\', '/'));
                }

                return await RunAsync(arguments.Where(argument => argument != "--fix").ToList(), output, clock, cancellationToken);
            }

            errors.AddRange(problems.Select(problem => problem.Error));
        }

        foreach (var (problem, severity) in errors.Select(error => (error, "error")).Concat(working.Warnings.Select(warning => (warning, "warning"))))
        {
            var path = Path.Combine(shownAs, problem.File).Replace('\\', '/');
            await output.WriteLineAsync(options.GitHub
                ? $"::{severity} file={path},line={problem.Line},col={problem.Column}::{Escape(problem.Message)}"
                : $"{path}:{problem.Line}:{problem.Column}: {severity}: {problem.MessageOnOneLine}");
        }

        if (addressNote.Length > 0)
        {
            await output.WriteLineAsync(addressNote);
        }

        int Count(FileState state) => working.Files.Count(file => file.State == state);
        await output.WriteLineAsync($"{working.FilesChecked} files checked: {Count(FileState.Published)} would be published, "
            + $"{Count(FileState.Draft)} drafts, {Count(FileState.Scheduled)} scheduled, {errors.Count} errors, {working.Warnings.Count} warnings.");
        return errors.Count > 0 ? 1 : 0;
    }

    private static ContentEvaluator Evaluator(string root, TimeProvider clock, FirstPublication? historyAtRevision = null) =>
        new(new ContentFolder(root), new IsolatedArticleParser(NullLogger.Instance, clock: clock), historyAtRevision);

    private static async Task<(List<AddressProblem> Problems, ContentEvaluation? Published, string Note)> CheckAddressesAsync(
        string root, string? revision, ContentEvaluation working, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (folder, temporary, commit, error) = BaseContent.Extract(root, revision);
        if (error is not null)
        {
            return ([], null, $"Addresses not checked: {error}.");
        }

        var shortCommit = commit is null ? "" : commit[..Math.Min(10, commit.Length)];
        if (folder is null)
        {
            if (temporary is not null)
            {
                Directory.Delete(temporary, recursive: true);
            }

            return ([], null, $"Addresses checked against {shortCommit}: it had no content, so nothing was published.");
        }

        try
        {
            // Who kept a contested address there is read from the history at that commit, as the live site and a new
            // instance built from it read it: the copy has no history, and by its dates alone a backdated newcomer won.
            var published = await Evaluator(folder, clock, new FirstPublication(root, commit)).EvaluateAsync(PreviousContent.None, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
            var problems = AddressCheck.Compare(published, working);
            return (problems, published, $"Addresses checked against {shortCommit}: {problems.Count} would stop working.");
        }
        finally
        {
            Directory.Delete(temporary!, recursive: true);
        }
    }

    /// <summary>
    /// A relative folder is looked for from the working directory up: `dotnet run --project` starts the app in the
    /// project's folder, while the editor typed the path from the repository's root.
    /// </summary>
    public static string? Locate(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : null;
        }

        for (var start = new DirectoryInfo(Directory.GetCurrentDirectory()); start is not null; start = start.Parent)
        {
            var candidate = Path.Combine(start.FullName, folder);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    // GitHub's annotation syntax ends a message at a line break and reads '%' as an escape.
    private static string Escape(string message) =>
        message.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
