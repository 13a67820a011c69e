namespace Impala.Discovery.BrowserTests;

/// <summary>
/// Folders of the checkout the tests run from: the root with package.json (and so node_modules/),
/// and TestResults/ for screenshots. Found by walking up from the test binaries.
/// </summary>
public static class RepositoryFolders
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("No folder with package.json was found above the test binaries.");

    public static string AxeScript { get; } = Path.Combine(Root, "node_modules", "axe-core", "axe.min.js");

    public static string NuHtmlCheckerJar { get; } = Path.Combine(Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string Screenshots { get; } = Path.Combine(Root, "TestResults", "screenshots");

    private static string? FindRoot(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "package.json")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
