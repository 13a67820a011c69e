using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests;

/// <summary>
/// A frozen copy of the content as it was when the first four articles were published (Fixtures/content, copied
/// beside the test binaries). Tests that assert counts, orders or particular entries run on it, so next month's
/// article never turns them red. Change it only together with the tests that read it.
/// </summary>
public static class FrozenContent
{
    public static string Path { get; } = Find();

    public static KindCatalog Kinds { get; } = ContentKinds.Load(Path);

    public static IReadOnlyList<string> ArticleFileNames { get; } =
        Directory.EnumerateFiles(System.IO.Path.Combine(Path, ContentFolder.ArticlesFolderName), "*.md")
            .Select(file => System.IO.Path.GetFileName(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string ArticleText(string fileName) =>
        File.ReadAllText(System.IO.Path.Combine(Path, ContentFolder.ArticlesFolderName, fileName));

    private static string Find()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "content");
        return File.Exists(System.IO.Path.Combine(path, ContentFolder.KindsFileName))
            ? path
            : throw new InvalidOperationException($"The frozen content fixture was not found at {path}: is Fixtures/ copied to the output?");
    }
}
