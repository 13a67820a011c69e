namespace Impala.Discovery.BrowserTests;

/// <summary>Fresh folders under the system temp folder, so a run never shares or touches a developer's files.</summary>
public static class TempFolder
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "impala-discovery-browser-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
