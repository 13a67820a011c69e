using System.Globalization;
using System.Text;
using Impala.Discovery.Web.Content.Parsing;

namespace Impala.Discovery.Web.Content;

/// <summary>
/// <c>dotnet run --project src/Impala.Discovery.Web -- new &lt;kind&gt; "&lt;title&gt;" [content-path]</c>: writes
/// <c>articles/YYYY-MM-slug.md</c> for next month, as a draft, with the front matter filled in and one example entry
/// that holds every fact of the kind (required ones named), ready to fill in. Every text to replace is marked as a
/// placeholder (<see cref="Placeholders"/>), which the parser refuses, so an untouched skeleton never goes live.
/// </summary>
public static class NewArticle
{
    public const string Verb = "new";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TimeProvider clock, CancellationToken cancellationToken)
    {
        var help = arguments.Any(argument => argument is "--help" or "-h" or "-?");
        if (help || arguments.Count < 2 || arguments.Any(argument => argument.StartsWith("--", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync("usage: new <kind> \"<title>\" [content-path]   e.g. new festivals \"Twenty festivals worth the trip\"");
            return help ? 0 : 2;
        }

        var (kindKey, title) = (arguments[0], arguments[1].Trim());
        var root = arguments.Count > 2 ? ContentCheck.Locate(arguments[2]) : ContentFolder.FindFrom(Directory.GetCurrentDirectory());
        var kinds = root is null ? null : new ContentFolder(root).ReadCatalog().Value?.Catalog;
        if (kinds is null)
        {
            await output.WriteLineAsync("error: no readable content/kinds.yml was found; run `check` to see why.");
            return 2;
        }

        if (kinds.Find(kindKey) is not { } kind)
        {
            var known = kinds.Kinds.Select(known => known.Key).ToList();
            await output.WriteLineAsync($"error: unknown kind '{kindKey}'. {Suggestions.DidYouMean(kindKey, known)}Known kinds: {string.Join(", ", known)}.");
            return 2;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var slug = Slug.From(title);
        var path = Path.Combine(root!, ContentFolder.ArticlesFolderName, $"{month:yyyy-MM}-{(slug.Length > 0 ? slug : kind.Key)}.md");
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"error: {path} exists already; choose another title.");
            return 2;
        }

        await File.WriteAllTextAsync(path, Template(kind, title, month), cancellationToken);
        var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;
        await output.WriteLineAsync($"""
            {shown}: written as a draft, to be published on {month:yyyy-MM-dd} (the line 'published: {month:yyyy-MM-dd}').
            Replace every [[placeholder]] with your own text; `check` lists each one left until none is.
            To publish: remove the line 'draft: true'. The article then appears on the site on {month:yyyy-MM-dd}, not before;
            to publish it sooner, also change 'published:' to that day (today or earlier publishes it at once).
            """);
        return 0;
    }

    private static string Template(KindDefinition kind, string title, DateOnly month)
    {
        var singular = kind.Singular.ToLowerInvariant();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            ---
            title: {Quote(title)}
            kind: {kind.Key}
            published: {month:yyyy-MM-dd}
            summary: {YamlDocument.DoubleQuoted(Placeholders.Mark("One or two sentences for cards, feeds and link previews."))}
            draft: true
            ---

            {Placeholders.Mark("Introduce the article in a few paragraphs, up to the first entry; each entry starts with a level-2 heading.")}

            ## {Placeholders.Mark($"The first {singular}'s name")}


            """);
        foreach (var fact in kind.Facts)
        {
            text.Append(CultureInfo.InvariantCulture, $"- **{fact.Key}:** {Placeholders.Mark(Example(fact.Type))}\n");
        }

        var required = kind.Facts.Where(fact => fact.Required).Select(fact => fact.Key).ToList();
        var help = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Every {singular} needs {(required.Count == 0 ? "no particular fact" : string.Join(", ", required))}; ")
            .Append("remove the facts you do not need. Then a few paragraphs about it. Link to other entries by their address, ")
            .Append(CultureInfo.InvariantCulture, $"such as `/{kind.Key}/its-name`, written as a Markdown link. ")
            .Append("For a picture, put the file in content/images/ and add the facts `Image` (images/its-name.jpg) and `Image alt` (what it shows).");
        text.Append('\n').Append(Placeholders.Mark(help.ToString())).Append('\n');
        return text.ToString();
    }

    private static string Example(FactType type) => type switch
    {
        FactType.Country => "Belgium",
        FactType.Countries => "Belgium, Netherlands",
        FactType.Year => "1990",
        FactType.Years => "1990, 2001",
        FactType.Number => "1500",
        FactType.Url => "https://example.org",
        FactType.Links => "https://example.org, https://example.net",
        FactType.List => "First, Second, Third",
        FactType.Artists => "First Artist, Second Artist",
        _ => "Its text",
    };

    private static string Quote(string value) =>
        value.Contains(':', StringComparison.Ordinal) || value.Contains('#', StringComparison.Ordinal) || value.StartsWith('"')
            ? YamlDocument.DoubleQuoted(value)
            : value;
}
