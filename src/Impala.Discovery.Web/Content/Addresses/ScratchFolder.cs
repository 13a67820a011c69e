using System.Diagnostics;

namespace Impala.Discovery.Web.Content.Addresses;

/// <summary>
/// Temporary folders for content read out of git (a commit's content, a scratch index), named for the process that
/// made them. A process killed outright (kill -9, out of memory) deletes none of its own; the next one to make a folder
/// of the same kind deletes those of processes that are gone, so the temporary folder does not fill up with commits'
/// copies of the content, one per crash.
/// </summary>
public static class ScratchFolder
{
    private static readonly HashSet<string> Swept = new(StringComparer.Ordinal);

    /// <summary>A new empty folder named "prefix-processid-random" in the temporary folder.</summary>
    public static DirectoryInfo Create(string prefix)
    {
        SweepOnce(prefix);
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}"));
    }

    /// <summary>Deletes the folders of this kind whose process is gone; the number deleted.</summary>
    public static int DeleteLeftovers(string prefix)
    {
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "-*"))
        {
            var parts = Path.GetFileName(folder)[(prefix.Length + 1)..].Split('-');
            var gone = parts is [var owner, _] && int.TryParse(owner, out var processId)
                ? !IsRunning(processId)
                // Named before folders carried their process (one random part): a day old, no evaluation is still reading it.
                : parts.Length == 1 && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddDays(-1);
            if (gone)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    deleted++;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Another user's, or being deleted by another process: not ours to insist on.
                }
            }
        }

        return deleted;
    }

    private static void SweepOnce(string prefix)
    {
        lock (Swept)
        {
            if (!Swept.Add(prefix))
            {
                return;
            }
        }

        DeleteLeftovers(prefix);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
