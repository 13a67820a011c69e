namespace Impala.Discovery.Tests;

/// <summary>Fresh folders under the system temp folder, one per test that needs files of its own.</summary>
public static class TempFolder
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "impala-discovery-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A copy of a content folder that a test may change freely.</summary>
    public static string CopyOf(string contentFolder)
    {
        var copy = Create("content");
        CopyInto(contentFolder, copy);
        return copy;
    }

    /// <summary>Every file under <paramref name="from"/> into <paramref name="to"/>, created as needed, replacing what is there.</summary>
    public static void CopyInto(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
