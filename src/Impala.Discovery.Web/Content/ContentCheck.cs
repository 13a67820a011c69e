using Impala.Discovery.Web.Content.Pictures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// <c>dotnet run --project src/Impala.Discovery.Web -- check [content-path] [--format github]</c>: the import's own
/// reading, parsing and checks, without a web server or a database, as if the folder were published today on a new
/// site. Prints one line per problem in the form compilers use (<c>file:line:col: error: …</c>), or as GitHub Actions
/// annotations, then a summary; exits 1 on any error, 0 otherwise.
/// </summary>
public static class ContentCheck
{
    public const string Verb = "check";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        var github = arguments.Contains("--format=github") || Adjacent(arguments, "--format", "github");
        var folderArgument = arguments.FirstOrDefault(argument => !argument.StartsWith("--", StringComparison.Ordinal) && argument != "github");
        // Errors name files as the editor named the folder ("content/articles/…"), so editors and CI can jump to them.
        var shownAs = folderArgument ?? "content";
        var root = folderArgument is null ? ContentFolder.FindFrom(Directory.GetCurrentDirectory()) : Locate(folderArgument);
        if (root is null)
        {
            await output.WriteLineAsync($"{shownAs}: error: no such content folder. Name the folder that holds kinds.yml and articles/.");
            return 2;
        }

        var folder = new ContentFolder(root);
        var kinds = folder.ReadCatalog();
        var errors = new List<ContentError>(kinds.Errors);
        var (files, unreadable) = folder.ReadArticles();
        var warnings = new List<ContentError>();
        IReadOnlyList<FileOutcome> outcomes = [];
        if (kinds.Succeeded)
        {
            var pictures = new PictureCheck(new PictureFolder(root));
            errors.AddRange(await pictures.CheckKindsAsync(kinds.Value!.Catalog));
            var store = new Dictionary<string, StoredArticle>();
            var parsed = await pictures.ApplyAsync(await new IsolatedArticleParser(NullLogger.Instance, clock: clock).ParseAllAsync(files, kinds.Value!, store, cancellationToken));
            var plan = ImportPlanner.Plan(kinds.Value!.Catalog, parsed, unreadable, store,
                DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            errors.AddRange(plan.Errors);
            warnings.AddRange(plan.Warnings);
            outcomes = plan.Files;
        }
        else
        {
            errors.AddRange(unreadable);
        }

        foreach (var (problem, severity) in errors.Select(error => (error, "error")).Concat(warnings.Select(warning => (warning, "warning"))))
        {
            var path = Path.Combine(shownAs, problem.File).Replace('\\', '/');
            await output.WriteLineAsync(github
                ? $"::{severity} file={path},line={problem.Line},col={problem.Column}::{Escape(problem.Message)}"
                : $"{path}:{problem.Line}:{problem.Column}: {severity}: {problem.Message}");
        }

        int Count(FileState state) => outcomes.Count(file => file.State == state);
        await output.WriteLineAsync($"{files.Count + unreadable.Count} files checked: {Count(FileState.Published)} would be published, "
            + $"{Count(FileState.Draft)} drafts, {Count(FileState.Scheduled)} scheduled, {errors.Count} errors, {warnings.Count} warnings.");
        return errors.Count > 0 ? 1 : 0;
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

    private static bool Adjacent(IReadOnlyList<string> arguments, string name, string value) =>
        arguments.Select((argument, index) => (argument, index)).Any(pair => pair.argument == name && pair.index + 1 < arguments.Count && arguments[pair.index + 1] == value);

    // GitHub's annotation syntax ends a message at a line break and reads '%' as an escape.
    private static string Escape(string message) =>
        message.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
