using System.Diagnostics;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>git, run in a folder: what the content's history says (the base of a change, when a file was first published).</summary>
public static class GitCommand
{
    /// <summary>What git printed, or null when it failed or is not installed.</summary>
    public static string? Run(string folder, params string[] arguments) => RunWithIndex(folder, null, arguments);

    /// <summary>Like <see cref="Run"/>, with git's index read from and written to <paramref name="indexFile"/> (GIT_INDEX_FILE).</summary>
    public static string? RunWithIndex(string folder, string? indexFile, params string[] arguments)
    {
        using var output = new MemoryStream();
        return RunToStream(folder, output, indexFile, arguments) ? System.Text.Encoding.UTF8.GetString(output.ToArray()) : null;
    }

    public static bool RunToStream(string folder, Stream output, params string[] arguments) => RunToStream(folder, output, null, arguments);

    private static bool RunToStream(string folder, Stream output, string? indexFile, string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        if (indexFile is not null)
        {
            start.Environment["GIT_INDEX_FILE"] = indexFile;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var errors = git.StandardError.ReadToEndAsync();
            git.StandardOutput.BaseStream.CopyTo(output);
            git.WaitForExit();
            _ = errors.Result;
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
