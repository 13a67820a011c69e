using Impala.Discovery.Web.Content;

namespace Impala.Discovery.Tests;

/// <summary>The repository's real content/ folder: the tests run against what editors publish.</summary>
public static class RepositoryContent
{
    public static string Path { get; } = ContentFolder.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The repository's content/ folder was not found above the test binaries.");

    public static KindCatalog Kinds { get; } = LoadKinds();

    public static string ArticleText(string fileName) =>
        File.ReadAllText(System.IO.Path.Combine(Path, ContentFolder.ArticlesFolderName, fileName));

    private static KindCatalog LoadKinds()
    {
        var result = KindCatalogParser.Parse(ContentFolder.KindsFileName, File.ReadAllText(System.IO.Path.Combine(Path, ContentFolder.KindsFileName)));
        return result.Value ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
