using System.Text.RegularExpressions;
using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// A content folder an editor changes by hand (see <see cref="EditorEdit"/>): its articles' text, headings and facts,
/// kinds.yml and removed.yml. Every file it writes is dated a minute back, as a file checked out is, so that an import
/// never waits for it to settle; and each write gets a second of its own, since git and the store take a file of the same
/// size and time (git to the second) for unchanged.
/// </summary>
public sealed partial class EditedContent(string path)
{
    private DateTime _written = DateTime.UtcNow.AddHours(-2);

    public string Path { get; } = path;

    public string KindsPath => System.IO.Path.Combine(Path, ContentFolder.KindsFileName);

    public string RemovalsPath => System.IO.Path.Combine(Path, "removed.yml");

    public IReadOnlyList<string> ArticleFiles =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, ContentFolder.ArticlesFolderName), "*.md")
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    public bool Exists(string file) => File.Exists(ArticlePath(file));

    public string Read(string file) => File.ReadAllText(ArticlePath(file));

    public void Write(string file, string text) => WriteFile(ArticlePath(file), text);

    public void Delete(string file) => File.Delete(ArticlePath(file));

    public string ReadKinds() => File.ReadAllText(KindsPath);

    public void WriteKinds(string text) => WriteFile(KindsPath, text);

    public string ReadRemovals() => File.Exists(RemovalsPath) ? File.ReadAllText(RemovalsPath) : "";

    public void WriteRemovals(string text)
    {
        if (text.Trim() is "" or "removed:")
        {
            File.Delete(RemovalsPath);
        }
        else
        {
            WriteFile(RemovalsPath, text);
        }
    }

    /// <summary>The article's kind key, from its front matter.</summary>
    public static string? KindOf(string text) => KindLine().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>The headings of the article's entries, in order.</summary>
    public static IReadOnlyList<string> Headings(string text) => Heading().Matches(text).Select(match => match.Groups[1].Value.TrimEnd('\r')).ToList();

    /// <summary>Where an entry's section starts (its heading) and ends (the next heading, or the end); null when the heading is not there.</summary>
    public static (int Start, int End)? Section(string text, string heading)
    {
        var match = Heading().Matches(text).FirstOrDefault(candidate => candidate.Groups[1].Value.TrimEnd('\r') == heading);
        if (match is null)
        {
            return null;
        }

        var next = text.IndexOf("\n## ", match.Index + match.Length, StringComparison.Ordinal);
        return (match.Index, next < 0 ? text.Length : next + 1);
    }

    /// <summary>The entry's slug as the site makes it: its Slug line, or its name.</summary>
    public static string? EntrySlug(string text, string heading)
    {
        if (Section(text, heading) is not { } section)
        {
            return null;
        }

        var slugLine = FactLine(text[section.Start..section.End], "Slug");
        return slugLine is not null ? slugLine.Value.Value.Trim() : Slug.From(heading);
    }

    /// <summary>A fact line of a section ("- **Country:** Denmark"): where it is and its value.</summary>
    public static (int Start, int End, string Value)? FactLine(string section, string key)
    {
        var match = Regex.Match(section, $@"^- \*\*{Regex.Escape(key)}:\*\* *([^\n]*)\n?", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return match.Success ? (match.Index, match.Index + match.Length, match.Groups[1].Value) : null;
    }

    /// <summary>The article's own address's slug: its file name without the year and month.</summary>
    public static string ArticleSlug(string file) => FileStem().Replace(System.IO.Path.GetFileNameWithoutExtension(file), "");

    /// <summary>The article's addresses and its entries': what deleting it would take off the site.</summary>
    public static IEnumerable<string> Addresses(string file, string text)
    {
        yield return $"/series/{ArticleSlug(file)}";
        if (KindOf(text) is { } kind)
        {
            foreach (var heading in Headings(text))
            {
                yield return $"/{kind}/{EntrySlug(text, heading)}";
            }
        }
    }

    private string ArticlePath(string file) => System.IO.Path.Combine(Path, ContentFolder.ArticlesFolderName, file);

    private void WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        _written = _written.AddSeconds(1);
        File.SetLastWriteTimeUtc(path, _written);
    }

    [GeneratedRegex(@"^kind: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\d{4}-\d{2}-")]
    private static partial Regex FileStem();
}
