namespace Impala.Discovery.Tests.Fuzzing;

/// <summary>
/// How much an action raises the process's resident memory at its peak, native allocations included (SkiaSharp decodes
/// outside the managed heap, where GC counters do not see it). Linux resets the high-water mark on request
/// (<c>/proc/self/clear_refs</c>); the figure means something only in a process that does nothing else meanwhile, such
/// as the picture fuzzer's child process.
/// </summary>
public static class PeakMemory
{
    private const string Status = "/proc/self/status";

    /// <summary>The peak growth in bytes, or null where the kernel does not offer the figures.</summary>
    public static long? GrowthDuring(Action action)
    {
        var before = Reset();
        action();
        return before is null ? null : Read("VmHWM:") - before;
    }

    private static long? Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Read("VmRSS:");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Read(string field)
    {
        var line = File.ReadLines(Status).First(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
