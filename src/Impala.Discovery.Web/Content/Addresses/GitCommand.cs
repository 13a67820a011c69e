using System.Diagnostics;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>git, run in a folder: what the content's history says (the base of a change, when a file was first published).</summary>
public static class GitCommand
{
    /// <summary>What git printed, or null when it failed or is not installed.</summary>
    public static string? Run(string folder, params string[] arguments)
    {
        using var output = new MemoryStream();
        return RunToStream(folder, output, arguments) ? System.Text.Encoding.UTF8.GetString(output.ToArray()) : null;
    }

    public static bool RunToStream(string folder, Stream output, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
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
