namespace Impala.Discovery.Web.Content;

/// <summary>
/// The program's verbs: <c>check</c>, <c>new</c> and <c>help</c>. Any first word that is not an option (the web host's
/// own start like <c>--urls</c>) is a verb; an unknown one, like <c>--help</c> alone, prints the usage and exits 2
/// without starting anything.
/// </summary>
public static class CommandLine
{
    public const string Usage = """
        Impala Discovery: the discovery series' website, and the editors' tools.

          (no verb)                       run the site (dotnet run --project src/Impala.Discovery.Web)
          check [content-path] [options]  check the content folder as the site would import it; 'check --help' for options
          new <kind> "<title>" [path]     write next month's article as a draft, with every fact of the kind
          help                            this text
        """;

    /// <summary>The verb the arguments start with, or null when they are the web host's own options.</summary>
    public static string? Verb(IReadOnlyList<string> args) =>
        args.Count == 0 ? null
        : args[0] is "--help" or "-h" or "-?" or "/?" ? "help"
        : args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal) ? null
        : args[0];

    public static async Task<int> RunAsync(string verb, IReadOnlyList<string> rest, TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case ContentCheck.Verb:
                return await ContentCheck.RunAsync(rest, output, clock, cancellationToken);
            case NewArticle.Verb:
                return await NewArticle.RunAsync(rest, output, clock, cancellationToken);
            case "help":
                await output.WriteLineAsync(Usage);
                return 2;
            default:
                var known = new[] { ContentCheck.Verb, NewArticle.Verb, "help" };
                await output.WriteLineAsync($"error: unknown command '{verb}'. {Suggestions.DidYouMean(verb, known)}".TrimEnd());
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }
}
