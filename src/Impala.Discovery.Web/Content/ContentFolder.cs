namespace Impala.Discovery.Web.Content;

/// <summary>The layout of the content folder: <c>kinds.yml</c> and one Markdown file per article in <c>articles/</c>.</summary>
public sealed class ContentFolder(string root)
{
    public const string KindsFileName = "kinds.yml";
    public const string ArticlesFolderName = "articles";

    public string Root { get; } = root;

    public ContentFile? ReadKinds()
    {
        var path = System.IO.Path.Combine(Root, KindsFileName);
        return File.Exists(path) ? new ContentFile(KindsFileName, File.ReadAllText(path)) : null;
    }

    public IReadOnlyList<ContentFile> ReadArticles()
    {
        var folder = System.IO.Path.Combine(Root, ArticlesFolderName);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.md")
            .Where(path => !System.IO.Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => new ContentFile($"{ArticlesFolderName}/{System.IO.Path.GetFileName(path)}", File.ReadAllText(path)))
            .ToList();
    }

    /// <summary>
    /// The repository's content folder when the app runs from a checkout (dotnet run, tests),
    /// found by walking up from the app's folder.
    /// </summary>
    public static string? FindFrom(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "content");
            if (File.Exists(System.IO.Path.Combine(candidate, KindsFileName)))
            {
                return candidate;
            }
        }

        return null;
    }
}
