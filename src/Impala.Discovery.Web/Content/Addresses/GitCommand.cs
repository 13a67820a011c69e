using System.Diagnostics;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>git, run in a folder: what the content's history says (the base of a change, when a file was first published).</summary>
public static class GitCommand
{
    /// <summary>What git printed, or null when it failed or is not installed.</summary>
    public static string? Run(string folder, params string[] arguments) => RunWith(folder, null, arguments);

    /// <summary>Like <see cref="Run"/>, with these environment variables (GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, …).</summary>
    public static string? RunWith(string folder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var output = new MemoryStream();
        return RunToStream(folder, output, environment, arguments) ? System.Text.Encoding.UTF8.GetString(output.ToArray()) : null;
    }

    public static bool RunToStream(string folder, Stream output, params string[] arguments) => RunToStream(folder, output, null, arguments);

    /// <summary>
    /// What git printed, as bytes, given this on its input, or null when it failed: one git for many questions
    /// (cat-file --batch), where a git each cost 10-15 ms.
    /// </summary>
    public static byte[]? RunWithInput(string folder, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            var errors = git.StandardError.ReadToEndAsync();
            // Written while the output is read: a pipe holds only so much, and git answers as it reads.
            var writing = Task.Run(() =>
            {
                try
                {
                    git.StandardInput.Write(input);
                    git.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git stopped reading (it failed): its exit code says so
                }
            });
            using var output = new MemoryStream();
            git.StandardOutput.BaseStream.CopyTo(output);
            git.WaitForExit();
            writing.Wait();
            _ = errors.Result;
            return git.ExitCode == 0 ? output.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// The texts of these blobs, read by one git (cat-file --batch), by blob; null when git failed. A blob it did not
    /// answer for is left out.
    /// </summary>
    public static Dictionary<string, string>? ReadBlobs(string folder, IReadOnlyCollection<string> blobs)
    {
        if (RunWithInput(folder, string.Concat(blobs.Select(blob => blob + "\n")), "cat-file", "--batch") is not { } texts)
        {
            return null;
        }

        // Each answer is "<blob> blob <size>\n", the text's bytes, then "\n" ("<blob> missing\n" for one not there).
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        foreach (var blob in blobs)
        {
            var header = Array.IndexOf(texts, (byte)'\n', at);
            if (header < 0)
            {
                break;
            }

            if (System.Text.Encoding.ASCII.GetString(texts, at, header - at).Split(' ') is not [_, "blob", var size]
                || !int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
                || header + 1 + length > texts.Length)
            {
                at = header + 1;
                continue;
            }

            read[blob] = System.Text.Encoding.UTF8.GetString(texts, header + 1, length);
            at = header + 1 + length + 1;
        }

        return read;
    }

    /// <summary>What git said on its error output when it refused, or null when it did not (or is not installed).</summary>
    public static string? Refusal(string folder, params string[] arguments)
    {
        var errors = "";
        return RunToStream(folder, Stream.Null, null, arguments, text => errors = text) || errors.Length == 0 ? null : errors.Trim();
    }

    private static bool RunToStream(
        string folder, Stream output, IReadOnlyDictionary<string, string>? environment, string[] arguments, Action<string>? refused = null)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
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
            refused?.Invoke(errors.Result);
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
