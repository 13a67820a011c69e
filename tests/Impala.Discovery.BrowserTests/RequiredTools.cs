namespace Impala.Discovery.BrowserTests;

/// <summary>
/// The programs these tests drive. On a developer's machine without one, a test skips and says what to install;
/// under CI (CI=true) a missing tool fails the test, so a broken install can never pass as a green run.
/// </summary>
public static class RequiredTools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? JavaPath { get; } = FindOnPath("java");

    public static void RequireChromium() =>
        Require(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's browser with `apt-get install -y --no-install-recommends chromium`.");

    public static void RequireAxe() =>
        Require(File.Exists(RepositoryFolders.AxeScript), $"{RepositoryFolders.AxeScript} is missing: run `npm ci` in {RepositoryFolders.Root}.");

    public static void RequireNuHtmlChecker()
    {
        Require(File.Exists(RepositoryFolders.NuHtmlCheckerJar), $"{RepositoryFolders.NuHtmlCheckerJar} is missing: run `npm ci` in {RepositoryFolders.Root}.");
        Require(JavaPath is not null, "java is not on PATH: install a Java 17 runtime (`apt-get install -y openjdk-17-jre-headless`).");
    }

    private static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{reason} (CI=true: a missing tool fails the run instead of skipping it.)");
        }

        Assert.Skip(reason);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
